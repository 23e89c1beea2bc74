package com.shopsuite.midimo.benchmarks.scaleout;

import com.shopsuite.midimo.benchmarks.resilience.ReportedScenario;
import com.shopsuite.midimo.benchmarks.resilience.ScenarioResult;

/** One scenario of the scale-out report: what it does, what it must show, and a run of it. */
interface ScaleOutScenario extends ReportedScenario {

  /** Short, for {@code --scenarios}. */
  String id();

  /** Runs on a fresh cluster of its own ({@link ScaleOutRun#start}), stopped by the caller. */
  ScenarioResult run(ScaleOutRun run) throws Exception;
}
