package com.shopsuite.midimo.benchmarks.resilience;

import com.shopsuite.midimo.benchmarks.suite.ServerSession;
import com.shopsuite.midimo.launcher.WildFlyNode;
import io.grpc.ManagedChannel;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Locale;

/** 4. WildFly killed with SIGKILL in the middle of the order events, and started again. */
final class CrashScenario implements Scenario {

  @Override
  public String id() {
    return "crash";
  }

  @Override
  public String title() {
    return "4. kill -9 of WildFly in the middle of 10,000 order events";
  }

  @Override
  public String setup() {
    return "The load of scenario 1 (10,000 events, each sent twice, 10 malformed). When 30 % of"
        + " the events are applied, WildFly is killed with SIGKILL (nothing flushed, nothing"
        + " closed) and started again on the same base directory (its Artemis journal and"
        + " transaction log). The producers, like the order system's, send again what the dead"
        + " server did not accept.";
  }

  @Override
  public String passRule() {
    return "0 lost, 0 duplicated, 0 dead-lettered, 0 out of order after the restart";
  }

  @Override
  public ScenarioResult run(ResilienceRun run) throws Exception {
    ServerSession session = run.start(id());
    ManagedChannel channel = run.emulatorChannel(session);
    try {
      EmulatorFaults faults = new EmulatorFaults(channel);
      OrderTraffic traffic =
          new OrderTraffic(
              id(),
              run.scaled(OutageScenario.ORDERS, 50),
              OutageScenario.STATUSES,
              true,
              OutageScenario.MALFORMED,
              16);
      OrderRun batch = new OrderRun(run, session, faults, traffic).start();
      batch.awaitApplied(0.3);
      long appliedAtKill = batch.applied();
      long sentAtKill = batch.sent();
      long killed = System.nanoTime();
      run.log("%s: kill -9 after %,d messages sent, %,d applied", id(), sentAtKill, appliedAtKill);
      WildFlyNode server = session.crashAndRestart();
      long restarted = System.nanoTime();
      run.log("%s: ready again after %s", id(), OrderRun.seconds(restarted - killed));
      long done = batch.awaitAllApplied();
      OrderAudit audit = batch.audit();
      long deadLettered = OrderQueues.deadLetteredEvents(server);
      long malformed = OrderQueues.malformed(server);
      long recoveryWarnings = transactionWarnings(server);
      run.log("%s: %s; %d dead-lettered", id(), audit.summary(), deadLettered);
      boolean passed = audit.clean() && deadLettered == 0 && malformed == traffic.malformed();
      Table table =
          new Table()
              .row("messages published", String.format(Locale.ROOT, "%,d", traffic.messages()))
              .row(
                  "killed after",
                  String.format(
                      Locale.ROOT, "%,d sent, %,d events applied", sentAtKill, appliedAtKill))
              .row("ready again after", OrderRun.seconds(restarted - killed))
              .row("**lost**", audit.lost())
              .row("**duplicated**", audit.duplicated())
              .row("**dead-lettered** (order events)", deadLettered)
              .row("**out of order** (orders)", audit.outOfOrder())
              .row("malformed bodies in the DLQ", malformed + " of " + traffic.malformed())
              .row(
                  "transaction-recovery warnings in server.log after the restart", recoveryWarnings)
              .row("last event applied, after the restart", OrderRun.seconds(done - restarted));
      return new ScenarioResult(
          passed,
          String.format(
              Locale.ROOT,
              "%d lost, %d duplicated, %d dead-lettered, %d out of order; ready again in %s",
              audit.lost(),
              audit.duplicated(),
              deadLettered,
              audit.outOfOrder(),
              OrderRun.seconds(restarted - killed)),
          List.of(table.toString()));
    } finally {
      channel.shutdownNow();
      run.stop(session);
    }
  }

  /** Narayana's warnings (ARJUNA...) in the restarted server's log: in-doubt work it recovered. */
  private static long transactionWarnings(WildFlyNode server) throws IOException {
    try (var lines = Files.lines(server.log("server.log"))) {
      return lines.filter(line -> line.contains("WARN") && line.contains("ARJUNA")).count();
    }
  }
}
