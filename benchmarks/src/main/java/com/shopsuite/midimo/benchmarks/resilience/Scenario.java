package com.shopsuite.midimo.benchmarks.resilience;

/** One scenario of the resilience report: what it does, what it must show, and a run of it. */
interface Scenario extends ReportedScenario {

  /** Short, for {@code --scenarios}. */
  String id();

  ScenarioResult run(ResilienceRun run) throws Exception;
}
