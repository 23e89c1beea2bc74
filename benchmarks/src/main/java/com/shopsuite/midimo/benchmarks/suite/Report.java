package com.shopsuite.midimo.benchmarks.suite;

import com.shopsuite.midimo.benchmarks.emulator.EmulatorCase;
import com.shopsuite.midimo.benchmarks.fullpath.FullPathCase;
import com.shopsuite.midimo.benchmarks.load.CpuUsage;
import com.shopsuite.midimo.benchmarks.load.LoadResult;
import com.shopsuite.midimo.benchmarks.orders.OrderEventsCase;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.HdrHistogram.Histogram;

/**
 * The suite's results as Markdown, and their place in BENCHMARKS.md: each block sits between two
 * markers and is replaced whole by the next run, so the hand-written text around it stays.
 */
public final class Report {
  static final String SUITE_BEGIN = "<!-- benchmarks:suite:begin -->";
  static final String SUITE_END = "<!-- benchmarks:suite:end -->";
  static final String EMULATOR_BEGIN = "<!-- benchmarks:emulator:begin -->";
  static final String EMULATOR_END = "<!-- benchmarks:emulator:end -->";

  private Report() {}

  /** Facts about the run itself. */
  record RunInfo(
      String date,
      String command,
      String build,
      String loadBefore,
      String loadAfter,
      Duration took,
      SuiteSettings settings) {}

  static String suite(RunInfo info, List<CaseResult> results) {
    StringBuilder md = new StringBuilder();
    SuiteSettings settings = info.settings();
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
    row(md, "the suite took", minutes(info.took()));
    row(
        md,
        "each run",
        String.format(
            Locale.ROOT,
            "%d s unrecorded warm-up, then %d s recorded (closed loop) or %d s at %,.0f requests/s"
                + " (open loop, latency from each request's intended start)",
            settings.warmup().toSeconds(),
            settings.closedLoop().toSeconds(),
            settings.openLoop().toSeconds(),
            settings.rate()));
    md.append('\n');
    md.append(
        "Driver, emulator and WildFly share the machine's cores: the `cores:` columns say how"
            + " many each had on average during the recorded window, and how many every other"
            + " process took (read them before comparing runs). `CPU/call` is a process's CPU time"
            + " per call in that window (its cores × 1 s ÷ calls per second): on two shared cores,"
            + " steadier than throughput, and what the hop's cost is judged on. `switches/call` is"
            + " WildFly's context switches per call (every thread's voluntary and involuntary"
            + " ones, from `/proc/<pid>/task/*/status`): each hand-off of a request from one thread"
            + " to another costs at least one. Latency in ms; every percentile from HdrHistogram (3"
            + " significant digits).\n\n");

    md.append("### Targets\n\n| target | measured | verdict |\n|---|---|---|\n");
    for (Targets.Verdict verdict : Targets.judge(results, settings.rate())) {
      md.append("| ")
          .append(verdict.target())
          .append(" | ")
          .append(verdict.measured())
          .append(" | ")
          .append(verdict.verdict())
          .append(" |\n");
    }
    md.append('\n');

    for (CaseResult result : results) {
      if (result.id().equals(EmulatorCase.ID)) {
        continue;
      }
      caseSection(md, result, true);
    }
    memory(md, results);
    return md.toString();
  }

  static String emulator(RunInfo info, CaseResult result) {
    StringBuilder md = new StringBuilder();
    md.append("Refreshed by the suite's run of ")
        .append(info.date())
        .append(" (`")
        .append(info.command())
        .append("`, build ")
        .append(info.build())
        .append("), ")
        .append(result.how())
        .append("\n\n");
    for (ResultTable table : result.tables()) {
      table(md, table, false);
    }
    notes(md, result);
    return md.toString();
  }

  private static void caseSection(StringBuilder md, CaseResult result, boolean server) {
    md.append("### ").append(result.title()).append("\n\n");
    md.append(result.how()).append("\n\n");
    for (ResultTable table : result.tables()) {
      if (table.rows().isEmpty()) {
        continue;
      }
      md.append("**").append(table.heading()).append("**\n\n");
      table(md, table, server);
    }
    notes(md, result);
  }

  private static void notes(StringBuilder md, CaseResult result) {
    for (String note : result.notes()) {
      md.append(note).append("\n\n");
    }
    for (Measurement m : result.measurements()) {
      if (m.load().firstError() != null) {
        md.append("First error of ")
            .append(m.label())
            .append(": `")
            .append(m.load().firstError().replace('`', '\''))
            .append("`\n\n");
      }
    }
  }

  private static void table(StringBuilder md, ResultTable table, boolean server) {
    md.append("| run | calls/s | p50 | p90 | p99 | max | calls | errors | cores: driver");
    md.append(server ? " | cores: WildFly | cores: emulator" : "");
    md.append(" | cores: other | CPU/call: driver");
    md.append(server ? " | CPU/call: WildFly | CPU/call: emulator | switches/call: WildFly" : "");
    md.append(" |");
    md.append(server ? " WildFly RSS peak |" : "");
    md.append("\n|---|---:|---:|---:|---:|---:|---:|---:|---:|");
    md.append(server ? "---:|---:|" : "");
    md.append("---:|---:|");
    md.append(server ? "---:|---:|---:|---:|" : "");
    md.append('\n');
    for (Measurement m : table.rows()) {
      LoadResult load = m.load();
      Histogram h = load.latencies();
      CpuUsage.Cores cpu = load.cpu();
      md.append(
          String.format(
              Locale.ROOT,
              "| %s | %,.0f | %.3f | %.3f | %.3f | %.3f | %,d | %,d | %s",
              m.label(),
              load.callsPerSecond(),
              h.getValueAtPercentile(50) / 1e6,
              h.getValueAtPercentile(90) / 1e6,
              h.getValueAtPercentile(99) / 1e6,
              h.getMaxValue() / 1e6,
              load.calls(),
              load.errors(),
              cores(cpu == null ? -1 : cpu.thisProcess())));
      if (server) {
        md.append(" | ").append(cores(cpu == null ? -1 : cpu.of(Suite.WILDFLY)));
        md.append(" | ").append(cores(cpu == null ? -1 : cpu.of(Suite.EMULATOR)));
      }
      md.append(" | ").append(cores(cpu == null ? -1 : cpu.otherProcesses()));
      double perSecond = load.callsPerSecond();
      md.append(" | ").append(perCall(cpu == null ? -1 : cpu.thisProcess(), perSecond));
      if (server) {
        md.append(" | ").append(perCall(cpu == null ? -1 : cpu.of(Suite.WILDFLY), perSecond));
        md.append(" | ").append(perCall(cpu == null ? -1 : cpu.of(Suite.EMULATOR), perSecond));
        md.append(" | ")
            .append(switches(cpu == null ? -1 : cpu.switchesOf(Suite.WILDFLY), perSecond));
      }
      md.append(" |");
      if (server) {
        md.append(' ').append(m.serverPeakRssKb() < 0 ? "–" : mb(m.serverPeakRssKb())).append(" |");
      }
      md.append('\n');
    }
    md.append('\n');
  }

  /** Microseconds of CPU per call: cores busy × 1 s ÷ calls per second. */
  static String perCall(double cores, double callsPerSecond) {
    return cores < 0 || callsPerSecond <= 0
        ? "?"
        : String.format(Locale.ROOT, "%.0f µs", cores * 1e6 / callsPerSecond);
  }

  private static String switches(double perSecond, double callsPerSecond) {
    return perSecond < 0 || callsPerSecond <= 0
        ? "?"
        : String.format(Locale.ROOT, "%.1f", perSecond / callsPerSecond);
  }

  private static void memory(StringBuilder md, List<CaseResult> results) {
    md.append("### 6. Memory: WildFly's resident size\n\n");
    Optional<Long> atRest =
        results.stream()
            .filter(r -> r.id().equals(FullPathCase.ID))
            .map(r -> r.figures().get(FullPathCase.RSS_AT_REST))
            .filter(v -> v != null)
            .findFirst();
    List<Measurement> withServer =
        results.stream()
            .flatMap(r -> r.measurements().stream())
            .filter(m -> m.serverPeakRssKb() > 0)
            .toList();
    if (atRest.isEmpty() && withServer.isEmpty()) {
      md.append("Not measured in this run (it needs case 3 or 4).\n\n");
      return;
    }
    md.append(
        "`VmRSS` of WildFly's JVM (`/proc/<pid>/status`), `-Xmx512m` as `standalone.conf` has"
            + " it: at rest, 5 s after case 3's warm-up; and the highest of samples every 200 ms"
            + " during each run (its warm-up included).\n\n| | RSS |\n|---|---:|\n");
    atRest.ifPresent(kb -> row(md, "at rest, after the warm-up (case 3)", mb(kb)));
    for (CaseResult result : results) {
      result.measurements().stream()
          .filter(m -> m.serverPeakRssKb() > 0)
          .max(Comparator.comparingLong(Measurement::serverPeakRssKb))
          .ifPresent(
              m ->
                  row(
                      md,
                      "peak of case " + result.title().split("\\.")[0] + " (" + m.label() + ")",
                      mb(m.serverPeakRssKb())));
    }
    Optional<Long> orderEventsPeak =
        results.stream()
            .filter(r -> r.id().equals(OrderEventsCase.ID))
            .map(r -> r.figures().get(OrderEventsCase.PEAK_RSS))
            .filter(kb -> kb != null)
            .findFirst();
    orderEventsPeak.ifPresent(kb -> row(md, "peak of case 5 (order events)", mb(kb)));
    Optional<Measurement> highestRun =
        withServer.stream().max(Comparator.comparingLong(Measurement::serverPeakRssKb));
    if (orderEventsPeak.isPresent()
        && highestRun.map(m -> m.serverPeakRssKb() < orderEventsPeak.get()).orElse(true)) {
      row(md, "**highest of the run** (order events)", "**" + mb(orderEventsPeak.get()) + "**");
    } else {
      highestRun.ifPresent(
          m ->
              row(
                  md,
                  "**highest of the run** (" + m.label() + ")",
                  "**" + mb(m.serverPeakRssKb()) + "**"));
    }
    md.append('\n');
  }

  /** Replaces the block between the markers in {@code file}; appends it when they are missing. */
  public static void writeInto(Path file, String begin, String end, String block)
      throws IOException {
    String text = Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
    String replacement = begin + "\n" + block.strip() + "\n" + end;
    int from = text.indexOf(begin);
    int to = text.indexOf(end);
    String updated;
    if (from >= 0 && to > from) {
      updated = text.substring(0, from) + replacement + text.substring(to + end.length());
    } else {
      updated =
          text + (text.isEmpty() || text.endsWith("\n") ? "" : "\n") + "\n" + replacement + "\n";
    }
    Files.writeString(file, updated, StandardCharsets.UTF_8);
  }

  private static void row(StringBuilder md, String name, String value) {
    md.append("| ").append(name).append(" | ").append(value).append(" |\n");
  }

  private static String cores(double cores) {
    return cores < 0 ? "?" : String.format(Locale.ROOT, "%.2f", cores);
  }

  private static String mb(long kb) {
    return String.format(Locale.ROOT, "%,.0f MB", kb / 1024.0);
  }

  public static String minutes(Duration duration) {
    return String.format(
        Locale.ROOT, "%d min %02d s", duration.toMinutes(), duration.toSecondsPart());
  }
}
