package com.shopsuite.midimo.benchmarks.resilience;

import com.shopsuite.midimo.benchmarks.suite.CommandLines;
import com.shopsuite.midimo.benchmarks.suite.Machine;
import com.shopsuite.midimo.benchmarks.suite.Report;
import com.shopsuite.midimo.benchmarks.suite.ServerSetup;
import com.shopsuite.midimo.benchmarks.suite.Suite;
import com.shopsuite.midimo.benchmarks.suite.SuiteSettings;
import com.shopsuite.midimo.launcher.Directories;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code resilience}: the resilience report's scenarios in one unattended run, each on a fresh
 * emulator and WildFly; writes the results to standard output, to {@code <work-dir>/report.md} and,
 * with {@code --report}, into RESILIENCE.md.
 */
@Command(
    name = "resilience",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Runs the resilience scenarios (outage, transient errors, a stuck order, kill -9, redeploys,"
          + " the circuit breaker, hostile inputs), each against a fresh emulator and WildFly"
          + " started from the built artifacts; judges each by its pass rule and writes the report."
          + " Run from the repository root, after building (resilience/run.sh does both).",
      ""
    })
public final class ResilienceCommand implements Callable<Integer> {

  static final String BEGIN = "<!-- resilience:begin -->";
  static final String END = "<!-- resilience:end -->";

  /** Every scenario, in the order they run. */
  static List<Scenario> allScenarios() {
    return List.of(
        new OutageScenario(),
        new TransientErrorsScenario(),
        new StuckOrderScenario(),
        new CrashScenario(),
        new RedeployScenario(),
        new CircuitBreakerScenario(),
        new HostileInputsScenario());
  }

  @Option(
      names = "--report",
      paramLabel = "<file>",
      description = "Write the results into this Markdown file (RESILIENCE.md), between markers.")
  private Path report;

  @Option(
      names = "--scenarios",
      split = ",",
      paramLabel = "<id>",
      description =
          "Which scenarios: outage, transient, stuck-order, crash, redeploy, circuit-breaker,"
              + " hostile-inputs. Default: all.")
  private List<String> scenarios;

  @Option(
      names = "--quick",
      description =
          "A tenth of the events, faults and redeploys, for development; the figures are not for"
              + " the report.")
  private boolean quick;

  @Option(
      names = "--port-offset",
      defaultValue = "400",
      description =
          "WildFly's port offset: HTTP 8080+N, management 9990+N. Default: ${DEFAULT-VALUE}.")
  private int portOffset;

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
      names = "--emulator-jar",
      defaultValue = "midimo-chat-emulator/target/midimo-chat-emulator.jar",
      description = "Default: ${DEFAULT-VALUE}.")
  private Path emulatorJar;

  @Option(
      names = "--work-dir",
      defaultValue = "benchmarks/target/resilience",
      description =
          "Logs and configuration of every session, report.md; emptied first. Default: ${DEFAULT-VALUE}.")
  private Path workDir;

  @Override
  public Integer call() throws Exception {
    List<Scenario> selected = selected();
    Directories.deleteRecursively(workDir);
    String date =
        ZonedDateTime.now(ZoneOffset.UTC)
            .format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'"));
    String loadBefore = Machine.loadAverage();
    Suite suite = new Suite(settings(), System.err);
    Runtime.getRuntime().addShutdownHook(new Thread(suite::close, "resilience-stop"));
    ResilienceRun run = new ResilienceRun(suite, quick ? 0.1 : 1.0);
    Map<Scenario, ScenarioResult> results = new LinkedHashMap<>();
    try {
      for (Scenario scenario : selected) {
        suite.log("scenario %s", scenario.title());
        ScenarioResult result;
        try {
          result = scenario.run(run);
        } catch (Exception e) {
          suite.log("%s failed: %s", scenario.id(), e);
          e.printStackTrace();
          result = ScenarioResult.failedToRun(e);
        } finally {
          suite.close();
        }
        suite.log("%s: %s, %s", scenario.id(), result.passed() ? "PASS" : "FAIL", result.verdict());
        results.put(scenario, result);
      }
    } finally {
      suite.close();
    }
    String section =
        ResilienceReport.render(
            new ResilienceReport.RunInfo(
                date,
                command(),
                Machine.build(),
                loadBefore,
                Machine.loadAverage(),
                suite.elapsed(),
                "driver, emulator and WildFly",
                quick ? "a tenth of the events, faults and redeploys" : null),
            results);
    System.out.println(section);
    Report.writeInto(workDir.resolve("report.md"), BEGIN, END, section);
    if (report != null) {
      Report.writeInto(report, BEGIN, END, section);
      suite.log("wrote %s", report);
    }
    suite.log("done in %s", Report.minutes(suite.elapsed()));
    return results.values().stream().allMatch(ScenarioResult::passed) ? 0 : 1;
  }

  private SuiteSettings settings() {
    Duration unused = Duration.ZERO;
    return new SuiteSettings(
        emulatorJar,
        // Soft references cleared at every collection: the redeploy scenario counts the classes
        // strongly held, not what server caches keep softly until memory runs short.
        new ServerSetup(
            serverHome, ear, null, portOffset, List.of("-XX:SoftRefLRUPolicyMSPerMB=0")),
        false,
        workDir,
        unused,
        unused,
        unused,
        unused,
        unused,
        0,
        List.of(),
        List.of(),
        List.of(),
        0,
        0,
        false);
  }

  private List<Scenario> selected() {
    return CommandLines.select(allScenarios(), scenarios, Scenario::id, "--scenarios");
  }

  private static String command() {
    return CommandLines.asTyped(
        "RESILIENCE_COMMAND", "java -jar benchmarks/target/midimo-chat-benchmarks.jar resilience");
  }
}
