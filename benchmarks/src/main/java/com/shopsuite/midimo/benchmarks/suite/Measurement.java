package com.shopsuite.midimo.benchmarks.suite;

import com.shopsuite.midimo.benchmarks.load.LoadResult;

/**
 * One measured run.
 *
 * @param key what the targets find it by, e.g. {@code direct/send/open}
 * @param label its row in the report's table, e.g. "concurrency 16", "500/s"
 * @param load what the driver recorded
 * @param serverPeakRssKb WildFly's highest resident size during the run (warm-up included); -1 when
 *     no WildFly was running
 */
public record Measurement(String key, String label, LoadResult load, long serverPeakRssKb) {

  public boolean isOpenLoop() {
    return key.endsWith("/open");
  }
}
