package com.shopsuite.midimo.benchmarks.resilience;

/** One scenario of the resilience report: what it does, what it must show, and a run of it. */
interface Scenario {

  /** Short, for {@code --scenarios}. */
  String id();

  /** The report's heading, e.g. "1. A 60 s outage of Midimo Chat". */
  String title();

  /** What the scenario does, in a sentence or two. */
  String setup();

  /** The pass rule, as the report states it. */
  String passRule();

  ScenarioResult run(ResilienceRun run) throws Exception;
}
