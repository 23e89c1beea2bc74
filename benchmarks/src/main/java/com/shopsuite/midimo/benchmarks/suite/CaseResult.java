package com.shopsuite.midimo.benchmarks.suite;

import java.util.List;
import java.util.Map;

/**
 * What a case reports.
 *
 * @param id the case's id
 * @param title its heading
 * @param how a paragraph: what was measured and how
 * @param tables its runs
 * @param figures single numbers other sections use, e.g. {@code server/rss-at-rest-kb}
 * @param notes lines under the tables (e.g. why the case was not measured)
 */
public record CaseResult(
    String id,
    String title,
    String how,
    List<ResultTable> tables,
    Map<String, Long> figures,
    List<String> notes) {

  public List<Measurement> measurements() {
    return tables.stream().flatMap(table -> table.rows().stream()).toList();
  }

  /** A case that did not run (failed, or is still to be written); the reason goes in the report. */
  public static CaseResult notMeasured(BenchmarkCase benchmarkCase, String how, String reason) {
    return new CaseResult(
        benchmarkCase.id(), benchmarkCase.title(), how, List.of(), Map.of(), List.of(reason));
  }
}
