package com.midimo.chat.emulator.launch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The packaged emulator ({@code java -jar midimo-chat-emulator.jar}) as a process of its own, as
 * the real Midimo Chat would be: on a free port, its output in a log file, the JWT secret passed by
 * environment, never on the command line. What the integration tests and the benchmarks run
 * against.
 */
public final class EmulatorProcess implements AutoCloseable {
  private static final Pattern LISTENING = Pattern.compile("listening on port (\\d+)");
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
   * Starts the jar on a free port and waits (with a deadline) until it says which one.
   *
   * @param jvmOptions e.g. {@code -Xmx256m}
   * @param options the emulator's own, e.g. {@code --fault-control}, {@code --quiet}
   */
  public static EmulatorProcess start(
      Path jar, Path log, String secret, List<String> jvmOptions, List<String> options) {
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException(jar + " is missing: build the emulator module first");
    }
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(jvmOptions);
    command.addAll(List.of("-jar", jar.toString(), "--port", "0"));
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
            "the emulator exited with " + process.exitValue() + ":\n" + tail(log));
      }
      try {
        process.waitFor(50, TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        process.destroyForcibly();
        throw new IllegalStateException("interrupted while starting the emulator", e);
      }
    }
    process.destroyForcibly();
    throw new IllegalStateException(
        "the emulator did not start within " + STARTUP + "; see " + log);
  }

  private static String tail(Path log) {
    try {
      List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
    } catch (IOException e) {
      return "(cannot read " + log + ": " + e.getMessage() + ")";
    }
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

  /** Asks it to stop (SIGTERM), and kills it if it has not within the grace period. */
  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(STOP_GRACE.toSeconds(), TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public String toString() {
    return "emulator (pid " + process.pid() + ", port " + port + ")";
  }
}
