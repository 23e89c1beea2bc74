package com.shopsuite.midimo.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The packaged emulator ({@code java -jar midimo-chat-emulator.jar}) as a process of its own, as
 * the real Midimo Chat would be: on loopback, its output in a log file, the JWT secret passed by
 * environment, never on the command line.
 */
public final class EmulatorProcess implements AutoCloseable {
  private static final Pattern LISTENING = Pattern.compile("listening on [^ ]*port (\\d+)");
  private static final Duration STARTUP = Duration.ofSeconds(60);
  private static final Duration STOP_GRACE = Duration.ofSeconds(15);

  private final Process process;
  private final int port;
  private final Path log;

  private EmulatorProcess(Process process, int port, Path log) {
    this.process = process;
    this.port = port;
    this.log = log;
  }

  /**
   * Starts the jar and waits (with a deadline) until it says which port it serves.
   *
   * @param port 0 for a free one
   * @param jvmOptions e.g. {@code -Xmx256m}
   * @param options the emulator's own, e.g. {@code --fault-control}, {@code --quiet}
   */
  public static EmulatorProcess start(
      Path jar, Path log, String secret, int port, List<String> jvmOptions, List<String> options) {
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException(jar + " is missing: build the emulator module first");
    }
    if (port != 0) {
      Processes.requireFreePort(port, "the Midimo Chat emulator");
    }
    List<String> command = new ArrayList<>();
    command.add(Processes.java());
    command.addAll(jvmOptions);
    command.addAll(List.of("-jar", jar.toString(), "--host", "127.0.0.1", "--port", "" + port));
    command.addAll(options);
    try {
      Files.createDirectories(log.toAbsolutePath().getParent());
      ProcessBuilder builder =
          new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
      builder.environment().put("MIDIMO_CHAT_JWT_SECRET_KEY", secret);
      builder.environment().remove("MIDIMO_CHAT_PORT");
      builder.environment().remove("MIDIMO_EMULATOR_FAULT_CONTROL");
      Process process = builder.start();
      return new EmulatorProcess(process, awaitPort(process, log), log);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start the emulator " + jar, e);
    }
  }

  private static int awaitPort(Process process, Path log) throws IOException {
    long deadline = System.nanoTime() + STARTUP.toNanos();
    while (System.nanoTime() < deadline) {
      Matcher matcher = LISTENING.matcher(Files.readString(log, StandardCharsets.UTF_8));
      if (matcher.find()) {
        return Integer.parseInt(matcher.group(1));
      }
      if (!process.isAlive()) {
        throw new IllegalStateException(
            "the emulator exited with " + process.exitValue() + ":\n" + Processes.tail(log, 20));
      }
      Processes.pause(50);
    }
    process.destroyForcibly();
    throw new IllegalStateException(
        "the emulator did not start within " + STARTUP + "; see " + log);
  }

  public int port() {
    return port;
  }

  public long pid() {
    return process.pid();
  }

  public Path log() {
    return log;
  }

  public boolean isAlive() {
    return process.isAlive();
  }

  /** Asks it to stop (SIGTERM), and kills it if it has not within the grace period. */
  @Override
  public void close() {
    Processes.stop(process.toHandle(), STOP_GRACE);
  }

  @Override
  public String toString() {
    return "emulator (pid " + process.pid() + ", port " + port + ")";
  }
}
