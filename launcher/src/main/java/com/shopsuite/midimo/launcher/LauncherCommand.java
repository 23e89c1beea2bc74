package com.shopsuite.midimo.launcher;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code java -jar midimo-chat-launcher.jar <command>}: what {@code run.sh} and friends run. */
@Command(
    name = "midimo-chat-launcher",
    mixinStandardHelpOptions = true,
    version = "Midimo Chat launcher 1.0",
    description = "Starts the system on this machine: the Midimo Chat emulator and WildFly.",
    subcommands = {RunCommand.class, TokenCommand.class})
public final class LauncherCommand {

  public static void main(String[] args) {
    System.exit(new CommandLine(new LauncherCommand()).execute(args));
  }
}
