package com.shopsuite.midimo.benchmarks.load;

import java.time.Duration;
import org.HdrHistogram.Histogram;

/**
 * What one measured run produced.
 *
 * @param label names the run in the report, e.g. "concurrency 16"
 * @param latencies in nanoseconds, of the calls that succeeded during the measured window
 * @param errors calls that failed during the window
 * @param firstError the first failure's description, to say why (null without errors)
 * @param cpu cores busy during the measured window, in this JVM and elsewhere on the machine
 */
public record LoadResult(
    String label,
    Duration measured,
    Histogram latencies,
    long errors,
    String firstError,
    CpuUsage.Cores cpu) {

  public long calls() {
    return latencies.getTotalCount() + errors;
  }

  public double callsPerSecond() {
    return calls() / (measured.toNanos() / 1e9);
  }
}
