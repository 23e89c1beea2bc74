package com.midimo.chat.benchmarks.load;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * CPU used during a run, by this JVM (client and in-process server) and by everything else on the
 * machine: on a shared machine, a run is only as good as the cores it actually had.
 */
public final class CpuUsage {
  private static final Path PROC_STAT = Path.of("/proc/stat");

  /** Linux counts /proc/stat in USER_HZ, 100 per second on every common configuration. */
  private static final double TICKS_PER_SECOND = 100;

  private final long wallStart = System.nanoTime();
  private final long processStart = processCpuNanos();
  private final long machineStart = machineBusyTicks();

  public static CpuUsage start() {
    return new CpuUsage();
  }

  /** Cores used since {@link #start()}: by this JVM, and by other processes (-1 if unknown). */
  public Cores stop() {
    double seconds = (System.nanoTime() - wallStart) / 1e9;
    double process = (processCpuNanos() - processStart) / 1e9 / seconds;
    long machineEnd = machineBusyTicks();
    double others =
        machineStart < 0 || machineEnd < 0
            ? -1
            : Math.max(0, (machineEnd - machineStart) / TICKS_PER_SECOND / seconds - process);
    return new Cores(process, others);
  }

  /** Average cores busy over a run. */
  public record Cores(double thisProcess, double otherProcesses) {}

  private static long processCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  /** user + nice + system + irq + softirq + steal ticks of all cores; -1 off Linux. */
  private static long machineBusyTicks() {
    try {
      String[] cpu = Files.readAllLines(PROC_STAT).get(0).trim().split("\\s+");
      long busy = 0;
      for (int field : new int[] {1, 2, 3, 6, 7, 8}) {
        busy += Long.parseLong(cpu[field]);
      }
      return busy;
    } catch (IOException | RuntimeException e) {
      return -1;
    }
  }
}
