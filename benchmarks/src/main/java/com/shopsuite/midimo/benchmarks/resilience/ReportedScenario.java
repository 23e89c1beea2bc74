package com.shopsuite.midimo.benchmarks.resilience;

/** What a report says of a scenario before its figures: its heading, setup and pass rule. */
public interface ReportedScenario {

  /** The report's heading, e.g. "1. A 60 s outage of Midimo Chat". */
  String title();

  /** What the scenario does, in a sentence or two. */
  String setup();

  /** The pass rule, as the report states it. */
  String passRule();
}
