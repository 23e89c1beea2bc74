package com.shopsuite.midimo.benchmarks.load;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * CPU used during a run, by this JVM (the load driver, and an in-process server if there is one),
 * by the other processes of the system under test (named, e.g. "WildFly", "emulator"), and by every
 * other process of the machine: on a shared machine, a run is only as good as the cores it actually
 * had. All from the processes' own counters ({@code /proc/<pid>/stat}).
 */
public final class CpuUsage {
  /** Linux counts /proc/stat and /proc/[pid]/stat in USER_HZ, 100 per second everywhere common. */
  private static final double TICKS_PER_SECOND = 100;

  private static final Path PROC = Path.of("/proc");

  private final long wallStart = System.nanoTime();
  private final long processStart = processCpuNanos();
  private final long othersStart;
  private final Map<String, Long> watched;
  private final Map<String, Long> watchedStart = new LinkedHashMap<>();
  private final Map<String, Long> switchesStart = new LinkedHashMap<>();

  private CpuUsage(Map<String, Long> watched) {
    this.watched = watched;
    watched.forEach(
        (name, pid) -> {
          watchedStart.put(name, processTicks(pid));
          switchesStart.put(name, contextSwitches(pid));
        });
    this.othersStart = otherProcessesTicks();
  }

  public static CpuUsage start() {
    return new CpuUsage(Map.of());
  }

  /**
   * @param processes other processes to account for separately: name to pid
   */
  public static CpuUsage start(Map<String, Long> processes) {
    return new CpuUsage(new LinkedHashMap<>(processes));
  }

  /** Cores used since the start: by this JVM, by each watched process, by the rest (-1 unknown). */
  public Cores stop() {
    double seconds = (System.nanoTime() - wallStart) / 1e9;
    double process = (processCpuNanos() - processStart) / 1e9 / seconds;
    Map<String, Double> others = new LinkedHashMap<>();
    Map<String, Double> switches = new LinkedHashMap<>();
    for (Map.Entry<String, Long> entry : watched.entrySet()) {
      long start = watchedStart.get(entry.getKey());
      long end = processTicks(entry.getValue());
      double cores = start < 0 || end < 0 ? -1 : (end - start) / TICKS_PER_SECOND / seconds;
      others.put(entry.getKey(), cores);
      long switchedStart = switchesStart.get(entry.getKey());
      long switchedEnd = contextSwitches(entry.getValue());
      switches.put(
          entry.getKey(),
          switchedStart < 0 || switchedEnd < 0 ? -1 : (switchedEnd - switchedStart) / seconds);
    }
    long othersEnd = otherProcessesTicks();
    double rest =
        othersStart < 0 || othersEnd < 0
            ? -1
            : Math.max(0, (othersEnd - othersStart) / TICKS_PER_SECOND / seconds);
    return new Cores(process, Map.copyOf(others), rest, Map.copyOf(switches));
  }

  /**
   * Average cores busy over a run, and how often the watched processes' threads gave up or lost
   * their core.
   *
   * @param thisProcess this JVM
   * @param watched each watched process by name (-1 when it could not be read)
   * @param otherProcesses everything else on the machine
   * @param switchesPerSecond context switches of each watched process's threads per second,
   *     voluntary (a thread parks, waits, blocks: a hand-off to another thread) and involuntary (a
   *     thread preempted) together; -1 when they could not be read
   */
  public record Cores(
      double thisProcess,
      Map<String, Double> watched,
      double otherProcesses,
      Map<String, Double> switchesPerSecond) {
    public double of(String name) {
      return watched.getOrDefault(name, -1.0);
    }

    public double switchesOf(String name) {
      return switchesPerSecond.getOrDefault(name, -1.0);
    }
  }

  private static long processCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  /**
   * Context switches of every live thread of a process ({@code voluntary_ctxt_switches} and {@code
   * nonvoluntary_ctxt_switches} of {@code /proc/<pid>/task/<tid>/status}); -1 when it is gone or
   * off Linux. A thread that ends within a run takes its count along: the figure errs low.
   */
  static long contextSwitches(long pid) {
    long total = 0;
    try (DirectoryStream<Path> tasks =
        Files.newDirectoryStream(PROC.resolve(Long.toString(pid)).resolve("task"))) {
      for (Path task : tasks) {
        try {
          for (String line : Files.readAllLines(task.resolve("status"))) {
            if (line.startsWith("voluntary_ctxt_switches:")
                || line.startsWith("nonvoluntary_ctxt_switches:")) {
              total += Long.parseLong(line.substring(line.indexOf(':') + 1).trim());
            }
          }
        } catch (IOException | RuntimeException e) {
          // the thread ended meanwhile
        }
      }
    } catch (IOException | RuntimeException e) {
      return -1;
    }
    return total;
  }

  /** utime + stime of a process, in ticks; -1 when it is gone or off Linux. */
  static long processTicks(long pid) {
    return ticks(PROC.resolve(Long.toString(pid)).resolve("stat"), false);
  }

  /**
   * @param withChildren add the reaped children's cutime + cstime
   */
  private static long ticks(Path stat, boolean withChildren) {
    try {
      String line = Files.readString(stat);
      // The command name (field 2) may hold spaces; the fields after its closing ')' do not.
      String[] fields = line.substring(line.lastIndexOf(')') + 2).trim().split("\\s+");
      // Fields 14-17 of the whole line (utime, stime, cutime, cstime): 11-14 after the name.
      long own = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
      return withChildren ? own + Long.parseLong(fields[13]) + Long.parseLong(fields[14]) : own;
    } catch (IOException | RuntimeException e) {
      return -1;
    }
  }

  /**
   * CPU ticks of every process but this JVM and the processes it started (the system under test),
   * their reaped children included: on this project's virtual machine, the machine-wide counters of
   * {@code /proc/stat} disagree with the processes' own at low load (0.02 against 0.2 cores,
   * measured), so "the others" are counted the same way as the processes of the run. A process that
   * starts and ends within the run, and whose parent outlives it, is counted through its parent.
   */
  private static long otherProcessesTicks() {
    Set<Long> ours = new HashSet<>();
    ours.add(ProcessHandle.current().pid());
    ProcessHandle.current().descendants().forEach(child -> ours.add(child.pid()));
    long total = 0;
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(PROC)) {
      for (Path entry : entries) {
        String name = entry.getFileName().toString();
        if (!name.chars().allMatch(Character::isDigit) || ours.contains(Long.parseLong(name))) {
          continue;
        }
        total += Math.max(0, ticks(entry.resolve("stat"), true));
      }
    } catch (IOException | RuntimeException e) {
      return -1;
    }
    return total;
  }
}
