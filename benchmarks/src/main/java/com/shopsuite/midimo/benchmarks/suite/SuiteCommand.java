package com.shopsuite.midimo.benchmarks.suite;

import com.shopsuite.midimo.benchmarks.direct.ChannelPerCallCase;
import com.shopsuite.midimo.benchmarks.direct.DirectGrpcCase;
import com.shopsuite.midimo.benchmarks.emulator.EmulatorCase;
import com.shopsuite.midimo.benchmarks.fullpath.FloorCase;
import com.shopsuite.midimo.benchmarks.fullpath.FullPathCase;
import com.shopsuite.midimo.benchmarks.fullpath.PoolSizeCase;
import com.shopsuite.midimo.benchmarks.live.LiveEventsCase;
import com.shopsuite.midimo.benchmarks.orders.OrderEventsCase;
import com.shopsuite.midimo.benchmarks.profile.ProfileSummary;
import com.shopsuite.midimo.benchmarks.profile.ServerProfiler;
import com.shopsuite.midimo.launcher.Directories;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code all}: every case in one unattended run, from the repository root. Writes the tables to
 * standard output, to {@code <work-dir>/report.md} and, with {@code --report}, into BENCHMARKS.md.
 */
@Command(
    name = "all",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Runs the suite: starts the emulator and WildFly (from the built artifacts) as it needs them,"
          + " measures every case, judges the targets, writes the report, stops everything."
          + " Run from the repository root, after building (benchmarks/run.sh does both).",
      ""
    })
public final class SuiteCommand implements Callable<Integer> {

  /** Every case, in the order they run. */
  static List<BenchmarkCase> allCases() {
    return List.of(
        new DirectGrpcCase(),
        new ChannelPerCallCase(),
        new FullPathCase(),
        new PoolSizeCase(),
        new OrderEventsCase(),
        new LiveEventsCase(),
        new FloorCase(),
        new EmulatorCase());
  }

  @Option(
      names = "--report",
      paramLabel = "<file>",
      description = "Write the results into this Markdown file (BENCHMARKS.md), between markers.")
  private Path report;

  @Option(
      names = "--cases",
      split = ",",
      paramLabel = "<id>",
      description =
          "Which cases, in the suite's order: direct, channel-per-call, full-path, pool-size,"
              + " order-events, live-events, floor, emulator. Default: all.")
  private List<String> cases;

  @Option(
      names = "--quick",
      description =
          "Short runs for development (2 s warm-up, 3 s closed loop, 5 s open loop, 5-10 s session"
              + " warm-up) unless given explicitly below. The figures are not for the report:"
              + " a fresh WildFly is still compiling.")
  private boolean quick;

  @Option(names = "--warmup-seconds", description = "Unrecorded, before each run. Default: 5.")
  private Integer warmupSeconds;

  @Option(names = "--seconds", description = "Recorded, per closed-loop run. Default: 10.")
  private Integer seconds;

  @Option(names = "--open-seconds", description = "Recorded, per open-loop run. Default: 20.")
  private Integer openSeconds;

  @Option(
      names = "--session-warmup-seconds",
      description =
          "Unrecorded, after each start of a system, before its first run: at least this long,"
              + " then until the JIT compilers are quiet. Default: 30.")
  private Integer sessionWarmupSeconds;

  @Option(
      names = "--session-warmup-max-seconds",
      description =
          "At most this long (0: no session warm-up). A fresh WildFly needs about 2 minutes"
              + " under load on 2 cores. Default: 180.")
  private Integer sessionWarmupMaxSeconds;

  @Option(
      names = "--rate",
      defaultValue = "500",
      description = "Open-loop requests per second. Default: ${DEFAULT-VALUE}.")
  private double rate;

  @Option(
      names = "--concurrency",
      split = ",",
      defaultValue = "1,16,64",
      description = "Closed-loop callers of cases 1-3. Default: ${DEFAULT-VALUE}.")
  private List<Integer> concurrency;

  @Option(
      names = "--pool-concurrency",
      split = ",",
      defaultValue = "64,256",
      description = "Closed-loop callers of case 4. Default: ${DEFAULT-VALUE}.")
  private List<Integer> poolConcurrency;

  @Option(
      names = "--pool-sizes",
      split = ",",
      defaultValue = "default,2,8",
      description =
          "Case 4's midimo.chat.pool-size values; 'default' is the shipped one."
              + " Default: ${DEFAULT-VALUE}.")
  private List<String> poolSizes;

  @Option(
      names = "--chat-threads",
      defaultValue = "64",
      description = "Support threads the calls are spread over. Default: ${DEFAULT-VALUE}.")
  private int chatThreads;

  @Option(
      names = "--read-limit",
      defaultValue = "50",
      description =
          "Messages per page on the read path (the API's default). Default: ${DEFAULT-VALUE}.")
  private int readLimit;

  @Option(
      names = "--skip-read-path",
      description = "Cases 1 and 3 without their read path (development runs).")
  private boolean skipReadPath;

  @Option(
      names = "--port-offset",
      defaultValue = "300",
      description =
          "WildFly's port offset: HTTP 8080+N, management 9990+N (run.sh uses 0, the tests 100)."
              + " Default: ${DEFAULT-VALUE}.")
  private int portOffset;

  @Option(
      names = "--server-jfr",
      description = "Record each WildFly session with JFR (profile settings) into its directory.")
  private boolean serverJfr;

  @Option(
      names = "--server-profiler",
      paramLabel = "<event>",
      description =
          "Profile each WildFly session with async-profiler: cpu (perf events, kernel frames"
              + " included), itimer, or wall. The profiles and their summary by component go to"
              + " <work-dir>/profiles/.")
  private String serverProfiler;

  @Option(
      names = "--server-profiler-interval-ms",
      defaultValue = "5",
      description = "Sampling interval of --server-profiler. Default: ${DEFAULT-VALUE} ms.")
  private int serverProfilerIntervalMs;

  @Option(
      names = "--server-jvm-option",
      paramLabel = "<option>",
      description =
          "An extra JVM option for WildFly (repeatable); replaces standalone.conf's JAVA_OPTS by its defaults plus these.")
  private List<String> serverJvmOptions = new ArrayList<>();

  @Option(
      names = "--server-home",
      defaultValue = "wildfly-config/target/server",
      description = "The provisioned WildFly. Default: ${DEFAULT-VALUE}.")
  private Path serverHome;

  @Option(
      names = "--ear",
      defaultValue = "ear/target/midimo-chat.ear",
      description = "Default: ${DEFAULT-VALUE}.")
  private Path ear;

  @Option(
      names = "--floor-war",
      defaultValue = "benchmark-floor/target/midimo-chat-floor.war",
      description = "The floor case's WAR, deployed beside the EAR. Default: ${DEFAULT-VALUE}.")
  private Path floorWar;

  @Option(
      names = "--emulator-jar",
      defaultValue = "midimo-chat-emulator/target/midimo-chat-emulator.jar",
      description = "Default: ${DEFAULT-VALUE}.")
  private Path emulatorJar;

  @Option(
      names = "--work-dir",
      defaultValue = "benchmarks/target/suite",
      description =
          "Logs and configuration of every session, histograms, report.md; emptied first."
              + " Default: ${DEFAULT-VALUE}.")
  private Path workDir;

  @Override
  public Integer call() throws Exception {
    List<BenchmarkCase> selected = selected();
    Directories.deleteRecursively(workDir);
    SuiteSettings settings = settings();
    String date =
        ZonedDateTime.now(ZoneOffset.UTC)
            .format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'"));
    String loadBefore = Machine.loadAverage();
    List<CaseResult> results = new ArrayList<>();
    boolean failed = false;
    Suite suite = new Suite(settings, System.err);
    Thread stopAll = new Thread(suite::close, "benchmarks-stop");
    Runtime.getRuntime().addShutdownHook(stopAll);
    try {
      suite.log(
          "cases %s; load average %s",
          selected.stream().map(BenchmarkCase::id).toList(), loadBefore);
      for (BenchmarkCase benchmarkCase : selected) {
        try {
          results.add(benchmarkCase.run(suite));
        } catch (Exception e) {
          failed = true;
          suite.log("%s failed: %s", benchmarkCase.id(), e);
          e.printStackTrace();
          results.add(
              CaseResult.notMeasured(
                  benchmarkCase, "", "**Failed in this run**: `" + e + "` (see the console)."));
        } finally {
          suite.close();
        }
      }
    } finally {
      suite.close();
    }
    Report.RunInfo info =
        new Report.RunInfo(
            date,
            command(),
            Machine.build(),
            loadBefore,
            Machine.loadAverage(),
            suite.elapsed(),
            settings);
    String suiteSection = Report.suite(info, results);
    System.out.println(suiteSection);
    Report.writeInto(
        workDir.resolve("report.md"), Report.SUITE_BEGIN, Report.SUITE_END, suiteSection);
    if (report != null) {
      Report.writeInto(report, Report.SUITE_BEGIN, Report.SUITE_END, suiteSection);
      for (CaseResult result : results) {
        if (result.id().equals(EmulatorCase.ID) && !result.tables().isEmpty()) {
          Report.writeInto(
              report, Report.EMULATOR_BEGIN, Report.EMULATOR_END, Report.emulator(info, result));
        }
      }
      suite.log("wrote %s", report);
    }
    if (serverProfiler != null) {
      Path profiles = ServerProfiler.profiles(workDir);
      System.out.println(ProfileSummary.summariseAll(profiles));
      suite.log("profiles and their summary in %s", profiles);
    }
    suite.log("done in %s", Report.minutes(suite.elapsed()));
    return failed ? 1 : 0;
  }

  private SuiteSettings settings() {
    List<String> jvmOptions = new ArrayList<>(serverJvmOptions);
    if (serverProfiler != null) {
      jvmOptions.add(ServerProfiler.agentOption(workDir, serverProfiler, serverProfilerIntervalMs));
    }
    return new SuiteSettings(
        emulatorJar,
        new ServerSetup(serverHome, ear, floorWar, portOffset, jvmOptions),
        serverJfr,
        workDir,
        seconds(warmupSeconds, 2, 5),
        seconds(seconds, 3, 10),
        seconds(openSeconds, 5, 20),
        seconds(sessionWarmupSeconds, 5, 30),
        seconds(sessionWarmupMaxSeconds, 10, 180),
        rate,
        List.copyOf(concurrency),
        List.copyOf(poolConcurrency),
        List.copyOf(poolSizes),
        chatThreads,
        readLimit,
        !skipReadPath);
  }

  private Duration seconds(Integer given, int quickValue, int defaultValue) {
    return Duration.ofSeconds(given != null ? given : quick ? quickValue : defaultValue);
  }

  private List<BenchmarkCase> selected() {
    return CommandLines.select(allCases(), cases, BenchmarkCase::id, "--cases");
  }

  private static String command() {
    return CommandLines.asTyped(
        "BENCHMARKS_COMMAND", "java -jar benchmarks/target/midimo-chat-benchmarks.jar all");
  }
}
