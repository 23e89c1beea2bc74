package com.shopsuite.midimo.benchmarks.suite;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** What the report says about the machine and the build a run measured. */
public final class Machine {
  private Machine() {}

  public static int cores() {
    return Runtime.getRuntime().availableProcessors();
  }

  public static String cpuModel() {
    String model = firstValue(Path.of("/proc/cpuinfo"), "model name").orElse("?");
    boolean virtual =
        firstValue(Path.of("/proc/cpuinfo"), "flags")
            .map(f -> f.contains(" hypervisor"))
            .orElse(false);
    return model + (virtual ? " (virtual machine)" : "");
  }

  public static String memory() {
    long total = kb("MemTotal");
    long swap = kb("SwapTotal");
    return String.format(
        Locale.ROOT,
        "%.1f GiB%s",
        total / 1024.0 / 1024.0,
        swap <= 0 ? ", no swap" : String.format(Locale.ROOT, ", %.1f GiB swap", swap / 1048576.0));
  }

  public static String java() {
    return System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version");
  }

  /** The 1-minute load average now. */
  public static String loadAverage() {
    try {
      return Files.readString(Path.of("/proc/loadavg")).split("\\s+")[0];
    } catch (IOException | RuntimeException e) {
      return "?";
    }
  }

  /** The commit measured, and whether the work tree differed from it. */
  public static String build() {
    String commit = git("rev-parse", "--short", "HEAD");
    if (commit.isEmpty()) {
      return "?";
    }
    return "`"
        + commit
        + "`"
        + (git("status", "--porcelain").isEmpty() ? "" : " + uncommitted changes");
  }

  private static String git(String... args) {
    try {
      Process process =
          new ProcessBuilder(Stream.concat(Stream.of("git"), Arrays.stream(args)).toList())
              .redirectErrorStream(true)
              .start();
      String out = new String(process.getInputStream().readAllBytes()).trim();
      return process.waitFor(10, TimeUnit.SECONDS) && process.exitValue() == 0 ? out : "";
    } catch (IOException | InterruptedException e) {
      return "";
    }
  }

  private static long kb(String field) {
    return firstValue(Path.of("/proc/meminfo"), field)
        .map(value -> Long.parseLong(value.trim().split("\\s+")[0]))
        .orElse(-1L);
  }

  private static Optional<String> firstValue(Path file, String key) {
    try {
      List<String> lines = Files.readAllLines(file);
      for (String line : lines) {
        int colon = line.indexOf(':');
        if (colon > 0 && line.substring(0, colon).trim().equals(key)) {
          return Optional.of(line.substring(colon + 1).trim());
        }
      }
    } catch (IOException e) {
      // not Linux
    }
    return Optional.empty();
  }
}
