package com.shopsuite.midimo.benchmarks.scaleout;

import com.shopsuite.midimo.benchmarks.resilience.ResilienceReport;
import com.shopsuite.midimo.benchmarks.resilience.ScenarioResult;
import com.shopsuite.midimo.benchmarks.suite.CommandLines;
import com.shopsuite.midimo.benchmarks.suite.Machine;
import com.shopsuite.midimo.benchmarks.suite.Report;
import com.shopsuite.midimo.launcher.Directories;
import java.nio.file.Path;
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
 * {@code scale-out}: the two-node scenarios in one unattended run, each on a fresh broker, two
 * nodes and emulator; writes the results to standard output, to {@code <work-dir>/report.md} and,
 * with {@code --report}, into SCALE-OUT.md.
 */
@Command(
    name = "scale-out",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Runs the scale-out scenarios (two nodes sharing the order events, a node killed, the broker"
          + " killed and restarted), each on a fresh standalone Artemis broker, two nodes of the"
          + " remote-broker server and an emulator; judges each by its pass rule and writes the"
          + " report. Run from the repository root, after building (scale-out/run.sh does both).",
      ""
    })
public final class ScaleOutCommand implements Callable<Integer> {

  static final String BEGIN = "<!-- scale-out:begin -->";
  static final String END = "<!-- scale-out:end -->";

  /** Every scenario, in the order they run. */
  static List<ScaleOutScenario> allScenarios() {
    return List.of(new SpreadScenario(), new NodeKilledScenario(), new BrokerRestartScenario());
  }

  @Option(
      names = "--report",
      paramLabel = "<file>",
      description = "Write the results into this Markdown file (SCALE-OUT.md), between markers.")
  private Path report;

  @Option(
      names = "--scenarios",
      split = ",",
      paramLabel = "<id>",
      description = "Which scenarios: spread, node-killed, broker-restart. Default: all.")
  private List<String> scenarios;

  @Option(
      names = "--quick",
      description = "A tenth of the orders, for development; the figures are not for the report.")
  private boolean quick;

  @Option(
      names = "--broker-port",
      defaultValue = "61916",
      description = "The standalone broker's port. Default: ${DEFAULT-VALUE}.")
  private int brokerPort;

  @Option(
      names = "--port-offset",
      defaultValue = "600",
      description =
          "Node 1's WildFly port offset (HTTP 8080+N, management 9990+N); node 2's is 10 more."
              + " Default: ${DEFAULT-VALUE}.")
  private int portOffset;

  @Option(
      names = "--server-home",
      defaultValue = "wildfly-config/target/server-remote-broker",
      description = "The provisioned remote-broker server. Default: ${DEFAULT-VALUE}.")
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
      defaultValue = "benchmarks/target/scale-out",
      description =
          "Logs, configuration and journals of every session, report.md; emptied first. Default:"
              + " ${DEFAULT-VALUE}.")
  private Path workDir;

  @Override
  public Integer call() throws Exception {
    List<ScaleOutScenario> selected = selected();
    Directories.deleteRecursively(workDir);
    String date =
        ZonedDateTime.now(ZoneOffset.UTC)
            .format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'"));
    String loadBefore = Machine.loadAverage();
    ScaleOutRun run =
        new ScaleOutRun(
            new ScaleOutSettings(
                Path.of("").toAbsolutePath(),
                serverHome.toAbsolutePath(),
                ear.toAbsolutePath(),
                emulatorJar.toAbsolutePath(),
                workDir.toAbsolutePath(),
                brokerPort,
                portOffset),
            quick ? 0.1 : 1.0,
            System.err);
    Runtime.getRuntime().addShutdownHook(new Thread(run::close, "scale-out-stop"));
    Map<ScaleOutScenario, ScenarioResult> results = new LinkedHashMap<>();
    for (ScaleOutScenario scenario : selected) {
      run.log("scenario %s", scenario.title());
      ScenarioResult result;
      try {
        result = scenario.run(run);
      } catch (Exception e) {
        run.log("%s failed: %s", scenario.id(), e);
        e.printStackTrace();
        result = ScenarioResult.failedToRun(e);
      } finally {
        run.close();
      }
      run.log("%s: %s, %s", scenario.id(), result.passed() ? "PASS" : "FAIL", result.verdict());
      results.put(scenario, result);
    }
    String section =
        ResilienceReport.render(
            new ResilienceReport.RunInfo(
                date,
                command(),
                Machine.build(),
                loadBefore,
                Machine.loadAverage(),
                run.elapsed(),
                "driver, emulator, broker and both nodes",
                quick ? "a tenth of the orders" : null),
            results);
    System.out.println(section);
    Report.writeInto(workDir.resolve("report.md"), BEGIN, END, section);
    if (report != null) {
      Report.writeInto(report, BEGIN, END, section);
      run.log("wrote %s", report);
    }
    run.log("done in %s", Report.minutes(run.elapsed()));
    return results.values().stream().allMatch(ScenarioResult::passed) ? 0 : 1;
  }

  private List<ScaleOutScenario> selected() {
    return CommandLines.select(allScenarios(), scenarios, ScaleOutScenario::id, "--scenarios");
  }

  private static String command() {
    return CommandLines.asTyped(
        "SCALE_OUT_COMMAND", "java -jar benchmarks/target/midimo-chat-benchmarks.jar scale-out");
  }
}
