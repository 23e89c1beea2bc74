package com.shopsuite.midimo.benchmarks.resilience;

import com.shopsuite.midimo.benchmarks.suite.Machine;
import com.shopsuite.midimo.benchmarks.suite.Report;
import java.time.Duration;
import java.util.Map;

/**
 * The scenarios' results as Markdown: the run, the verdicts, a section per scenario. For
 * RESILIENCE.md, and SCALE-OUT.md alike.
 */
public final class ResilienceReport {
  private ResilienceReport() {}

  /**
   * The run's row of the report.
   *
   * @param processes the JVMs that share the {@code java -version}, e.g. "driver, emulator and
   *     WildFly"
   * @param quickSizes what {@code --quick} scaled down; null for a run at the report's sizes
   */
  public record RunInfo(
      String date,
      String command,
      String build,
      String loadBefore,
      String loadAfter,
      Duration took,
      String processes,
      String quickSizes) {}

  public static String render(
      RunInfo info, Map<? extends ReportedScenario, ScenarioResult> results) {
    StringBuilder md = new StringBuilder();
    md.append("### The run\n\n| | |\n|---|---|\n");
    row(md, "date", info.date());
    row(md, "command", "`" + info.command() + "`");
    row(md, "build", info.build());
    row(
        md,
        "machine",
        Machine.cores() + " cores (`nproc`), " + Machine.cpuModel() + ", " + Machine.memory());
    row(md, "`java -version`", Machine.java() + " (" + info.processes() + " alike)");
    row(md, "load average (1 min) before / after", info.loadBefore() + " / " + info.loadAfter());
    row(md, "the run took", Report.minutes(info.took()));
    if (info.quickSizes() != null) {
      row(md, "**sizes**", "**--quick: " + info.quickSizes() + "; not the report's figures**");
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
