package com.shopsuite.midimo.benchmarks;

import com.shopsuite.midimo.benchmarks.emulator.EmulatorBenchmark;
import com.shopsuite.midimo.benchmarks.resilience.ResilienceCommand;
import com.shopsuite.midimo.benchmarks.scaleout.ScaleOutCommand;
import com.shopsuite.midimo.benchmarks.suite.SuiteCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code java -jar midimo-chat-benchmarks.jar <case> [options]}. */
@Command(
    name = "midimo-chat-benchmarks",
    mixinStandardHelpOptions = true,
    description =
        "Load and fault cases for the Midimo Chat integration: `all` runs the benchmark suite"
            + " (BENCHMARKS.md); `resilience` the resilience scenarios (RESILIENCE.md); `scale-out`"
            + " the two-node scenarios (SCALE-OUT.md); `emulator` the emulator alone.",
    subcommands = {
      SuiteCommand.class,
      ResilienceCommand.class,
      ScaleOutCommand.class,
      EmulatorBenchmark.class,
      CommandLine.HelpCommand.class
    })
public final class BenchmarksCommand {
  public static void main(String[] args) {
    System.exit(new CommandLine(new BenchmarksCommand()).execute(args));
  }
}
