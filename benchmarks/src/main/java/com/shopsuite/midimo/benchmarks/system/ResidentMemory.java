package com.shopsuite.midimo.benchmarks.system;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The resident set size of a process ({@code VmRSS} in {@code /proc/<pid>/status}), read now and
 * sampled in the background for the peak of each run.
 */
public final class ResidentMemory implements AutoCloseable {
  private static final long SAMPLE_MILLIS = 200;

  private final long pid;
  private final AtomicLong peakKb = new AtomicLong(-1);
  private final ScheduledExecutorService sampler;

  public ResidentMemory(long pid) {
    this.pid = pid;
    this.sampler =
        Executors.newSingleThreadScheduledExecutor(
            task -> {
              Thread thread = new Thread(task, "rss-sampler-" + pid);
              thread.setDaemon(true);
              return thread;
            });
    sampler.scheduleAtFixedRate(
        () -> peakKb.accumulateAndGet(nowKb(), Math::max), 0, SAMPLE_MILLIS, TimeUnit.MILLISECONDS);
  }

  /** VmRSS now, in KiB; -1 if it cannot be read. */
  public long nowKb() {
    return field(pid, "VmRSS:");
  }

  /** VmHWM: the highest resident size the process ever had, in KiB. */
  public long highWaterMarkKb() {
    return field(pid, "VmHWM:");
  }

  /** Starts a new peak: the highest sample from now on. */
  public void resetPeak() {
    peakKb.set(nowKb());
  }

  public long peakKb() {
    return Math.max(peakKb.get(), nowKb());
  }

  @Override
  public void close() {
    sampler.shutdownNow();
  }

  static long field(long pid, String name) {
    try {
      for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
        if (line.startsWith(name)) {
          return Long.parseLong(line.substring(name.length()).trim().split("\\s+")[0]);
        }
      }
    } catch (IOException | RuntimeException e) {
      // gone, or not Linux
    }
    return -1;
  }
}
