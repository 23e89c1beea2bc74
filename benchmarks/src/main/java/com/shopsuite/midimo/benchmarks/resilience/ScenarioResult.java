package com.shopsuite.midimo.benchmarks.resilience;

import java.util.List;

/**
 * What one scenario measured.
 *
 * @param passed whether the pass rule held
 * @param verdict one line: the figures the rule is about
 * @param details Markdown blocks (tables, paragraphs) for the report
 */
public record ScenarioResult(boolean passed, String verdict, List<String> details) {

  public ScenarioResult {
    details = List.copyOf(details);
  }

  public static ScenarioResult failedToRun(Exception e) {
    return new ScenarioResult(false, "did not complete: `" + e + "` (see the console)", List.of());
  }
}
