package com.shopsuite.midimo.benchmarks.scaleout;

import com.shopsuite.midimo.benchmarks.resilience.OrderTraffic;
import com.shopsuite.midimo.benchmarks.suite.ProgressLog;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * What the scenarios share: the settings, a fresh cluster per scenario (stopped at the end, or by
 * the shutdown hook), the load, and the run's log.
 */
final class ScaleOutRun implements AutoCloseable {

  /** The load of every scenario: 1,000 orders × 10 status changes, as RESILIENCE.md's. */
  static final int ORDERS = 1_000;

  static final int STATUSES = 10;
  static final int MALFORMED = 10;
  static final int PRODUCERS = 16;

  private final ScaleOutSettings settings;
  private final double scale;
  private final ProgressLog progress;
  private volatile TwoNodeCluster cluster;
  private int sessions;

  ScaleOutRun(ScaleOutSettings settings, double scale, PrintStream progress) {
    this.settings = settings;
    this.scale = scale;
    this.progress = new ProgressLog(progress);
  }

  /** A fresh emulator, broker and two nodes, in a session directory of their own. */
  TwoNodeCluster start(String name) {
    sessions++;
    Path dir =
        settings.workDir().resolve("sessions").resolve(String.format("%02d-%s", sessions, name));
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    log("starting the emulator, the broker and two nodes (%s)", dir);
    cluster = TwoNodeCluster.start(settings, dir, line -> log("  %s", line));
    return cluster;
  }

  /** The scenarios' load: every event sent twice, malformed bodies mixed in, 16 producers. */
  OrderTraffic traffic(String prefix) {
    return new OrderTraffic(
        prefix,
        Math.max(50, (int) Math.round(ORDERS * scale)),
        STATUSES,
        true,
        MALFORMED,
        PRODUCERS);
  }

  void log(String format, Object... args) {
    progress.log(format, args);
  }

  Duration elapsed() {
    return progress.elapsed();
  }

  /** Stops the scenario's cluster, if one is running. */
  @Override
  public void close() {
    TwoNodeCluster running = cluster;
    cluster = null;
    if (running != null) {
      running.close();
    }
  }
}
