package com.shopsuite.midimo.benchmarks.resilience;

import com.shopsuite.midimo.benchmarks.suite.Machine;
import com.shopsuite.midimo.benchmarks.suite.Report;
import java.time.Duration;
import java.util.Map;

/** The scenarios' results as Markdown, for RESILIENCE.md. */
final class ResilienceReport {
  private ResilienceReport() {}

  record RunInfo(
      String date,
      String command,
      String build,
      String loadBefore,
      String loadAfter,
      Duration took,
      boolean quick) {}

  static String render(RunInfo info, Map<Scenario, ScenarioResult> results) {
    StringBuilder md = new StringBuilder();
    md.append("### The run\n\n| | |\n|---|---|\n");
    row(md, "date", info.date());
    row(md, "command", "`" + info.command() + "`");
    row(md, "build", info.build());
    row(
        md,
        "machine",
        Machine.cores() + " cores (`nproc`), " + Machine.cpuModel() + ", " + Machine.memory());
    row(md, "`java -version`", Machine.java() + " (driver, emulator and WildFly alike)");
    row(md, "load average (1 min) before / after", info.loadBefore() + " / " + info.loadAfter());
    row(md, "the run took", Report.minutes(info.took()));
    if (info.quick()) {
      row(
          md,
          "**sizes**",
          "**--quick: a tenth of the events, faults and redeploys; not the report's figures**");
    }
    md.append('\n');
    md.append("### Verdicts\n\n| scenario | pass rule | measured | verdict |\n|---|---|---|---|\n");
    results.forEach(
        (scenario, result) ->
            md.append("| ")
                .append(scenario.title())
                .append(" | ")
                .append(escape(scenario.passRule()))
                .append(" | ")
                .append(escape(result.verdict()))
                .append(" | ")
                .append(result.passed() ? "**pass**" : "**FAIL**")
                .append(" |\n"));
    results.forEach(
        (scenario, result) -> {
          md.append("\n### ").append(scenario.title()).append("\n\n");
          md.append(scenario.setup()).append("\n\n");
          md.append("Pass rule: ")
              .append(scenario.passRule())
              .append(". Verdict: ")
              .append(result.passed() ? "**pass**" : "**FAIL**")
              .append(".\n");
          for (String detail : result.details()) {
            md.append('\n').append(detail.strip()).append('\n');
          }
        });
    return md.toString();
  }

  private static void row(StringBuilder md, String name, String value) {
    md.append("| ").append(name).append(" | ").append(value).append(" |\n");
  }

  private static String escape(String text) {
    return text.replace("|", "\\|");
  }
}
