package com.shopsuite.midimo.benchmarks.suite;

/**
 * One case of the suite. A case starts what it needs through the {@link Suite} (an emulator, a
 * WildFly in front of it), measures with the load drivers, and stops what it started before it
 * returns; the suite stops anything left over, also on failure or Ctrl-C.
 */
public interface BenchmarkCase {

  /** What {@code --cases} calls it, e.g. {@code direct}. */
  String id();

  /** Its heading in the report, e.g. "1. The limit: a bare grpc-java client". */
  String title();

  CaseResult run(Suite suite) throws Exception;
}
