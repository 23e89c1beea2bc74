package com.shopsuite.midimo.benchmarks.load;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import org.HdrHistogram.Histogram;

/** Prints results as a Markdown table, ready to paste into BENCHMARKS.md. */
public final class LatencyReport {
  private LatencyReport() {}

  public static void print(PrintStream out, String firstColumn, List<LoadResult> results) {
    out.println(
        "| "
            + firstColumn
            + " | calls/s | p50 ms | p90 ms | p99 ms | max ms | calls | errors"
            + " | cores: this JVM | cores: other processes |");
    out.println("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
    for (LoadResult result : results) {
      Histogram latencies = result.latencies();
      out.printf(
          Locale.ROOT,
          "| %s | %,.0f | %.3f | %.3f | %.3f | %.3f | %,d | %,d | %s | %s |%n",
          result.label(),
          result.callsPerSecond(),
          millis(latencies.getValueAtPercentile(50)),
          millis(latencies.getValueAtPercentile(90)),
          millis(latencies.getValueAtPercentile(99)),
          millis(latencies.getMaxValue()),
          result.calls(),
          result.errors(),
          cores(result.cpu() == null ? -1 : result.cpu().thisProcess()),
          cores(result.cpu() == null ? -1 : result.cpu().otherProcesses()));
    }
    for (LoadResult result : results) {
      if (result.firstError() != null) {
        out.printf("%s: first error: %s%n", result.label(), result.firstError());
      }
    }
  }

  private static String cores(double cores) {
    return cores < 0 ? "?" : String.format(Locale.ROOT, "%.2f", cores);
  }

  private static double millis(long nanos) {
    return nanos / 1e6;
  }
}
