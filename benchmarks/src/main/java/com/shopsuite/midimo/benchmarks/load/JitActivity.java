package com.shopsuite.midimo.benchmarks.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.stream.Stream;

/**
 * CPU taken by the JIT compilers (the C1 and C2 compiler threads) of some JVMs. A fresh WildFly
 * compiles for a minute or more under load (0.3-0.5 of a core on 2 cores, seen in its threads'
 * CPU): measured before that settles, a run measures the compiler, not the code. The suite's
 * warm-up therefore lasts until this is quiet.
 */
public final class JitActivity {
  private JitActivity() {}

  /** Clock ticks used so far by the compiler threads of these processes; -1 off Linux. */
  public static long compilerTicks(Collection<Long> pids) {
    long total = 0;
    for (long pid : pids) {
      Path tasks = Path.of("/proc", Long.toString(pid), "task");
      try (Stream<Path> threads = Files.list(tasks)) {
        for (Path thread : threads.toList()) {
          total += compilerTicks(thread);
        }
      } catch (IOException | RuntimeException e) {
        return -1;
      }
    }
    return total;
  }

  private static long compilerTicks(Path thread) {
    try {
      String stat = Files.readString(thread.resolve("stat"));
      String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
      if (!name.startsWith("C1 CompilerThre") && !name.startsWith("C2 CompilerThre")) {
        return 0;
      }
      String[] fields = stat.substring(stat.lastIndexOf(')') + 2).trim().split("\\s+");
      return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    } catch (IOException | RuntimeException e) {
      return 0; // the thread ended meanwhile
    }
  }
}
