package com.shopsuite.midimo.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The packaged emulator ({@code java -jar midimo-chat-emulator.jar}) as a separate process, as the
 * real Midimo Chat would be: on a free port, with fault control, its output in a log file.
 */
final class EmulatorProcess implements AutoCloseable {

  private static final Pattern LISTENING = Pattern.compile("listening on port (\\d+)");
  private static final Duration STARTUP = Duration.ofSeconds(30);

  private final Process process;
  private final int port;

  private EmulatorProcess(Process process, int port) {
    this.process = process;
    this.port = port;
  }

  /** Starts the jar and waits (with a deadline) until it says which port it listens on. */
  static EmulatorProcess start(Path jar, Path log, String secret) {
    try {
      Files.createDirectories(log.getParent());
      ProcessBuilder builder =
          new ProcessBuilder(
                  List.of(
                      Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                      "-Xmx256m",
                      "-jar",
                      jar.toString(),
                      "--port",
                      "0",
                      "--fault-control"))
              .redirectErrorStream(true)
              .redirectOutput(log.toFile());
      // The secret goes by environment, never on the command line.
      builder.environment().put("MIDIMO_CHAT_JWT_SECRET_KEY", secret);
      builder.environment().remove("MIDIMO_CHAT_PORT");
      Process process = builder.start();
      return new EmulatorProcess(process, awaitPort(process, log));
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
            "the emulator exited with " + process.exitValue() + "; see " + log);
      }
      try {
        process.waitFor(50, TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while starting the emulator", e);
      }
    }
    process.destroyForcibly();
    throw new IllegalStateException(
        "the emulator did not start within " + STARTUP + "; see " + log);
  }

  int port() {
    return port;
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }
}
