package com.shopsuite.midimo.benchmarks.resilience;

import com.shopsuite.midimo.benchmarks.suite.ServerSession;
import com.shopsuite.midimo.launcher.WildFlyNode;
import io.grpc.ManagedChannel;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/** 1. A full outage of Midimo Chat in the middle of a burst of order events. */
final class OutageScenario implements Scenario {
  static final int ORDERS = 1_000;
  static final int STATUSES = 10;
  static final int MALFORMED = 10;
  static final Duration OUTAGE = Duration.ofSeconds(60);

  @Override
  public String id() {
    return "outage";
  }

  @Override
  public String title() {
    return "1. A 60 s outage of Midimo Chat during 10,000 order events";
  }

  @Override
  public String setup() {
    return "10,000 events (1,000 orders × 10 status changes) published by 16 remote producers,"
        + " every event sent twice (a producer's retry), 10 malformed bodies mixed in, in the"
        + " groups of real orders. When a fifth of the messages are sent, Midimo Chat goes down"
        + " (the emulator's outage: every call UNAVAILABLE) for 60 s. Afterwards every order is"
        + " read back from the emulator: its one support thread, its messages in order, the"
        + " customer's notifications.";
  }

  @Override
  public String passRule() {
    return "0 lost, 0 duplicated, 0 dead-lettered, 0 out of order; the 10 malformed bodies, and"
        + " only they, in the DLQ";
  }

  @Override
  public ScenarioResult run(ResilienceRun run) throws Exception {
    ServerSession session = run.start(id());
    ManagedChannel channel = run.emulatorChannel(session);
    try {
      EmulatorFaults faults = new EmulatorFaults(channel);
      WildFlyNode server = session.server();
      OrderTraffic traffic =
          new OrderTraffic("outage", run.scaled(ORDERS, 50), STATUSES, true, MALFORMED, 16);
      Duration outage = run.scaled(OUTAGE);
      OrderRun batch = new OrderRun(run, session, faults, traffic).start();
      batch.awaitSent(0.2);
      long appliedBefore = batch.applied();
      faults.outage(true);
      run.log(
          "%s: Midimo Chat down after %,d messages sent, %,d applied",
          id(), batch.sent(), appliedBefore);
      Thread.sleep(outage.toMillis());
      long retried = ServerMetrics.orderEvents(server, "retried");
      long held = ServerMetrics.orderEvents(server, "held");
      long parked = OrderQueues.depth(server, OrderQueues.PARKED);
      faults.outage(false);
      long recovered = System.nanoTime();
      run.log(
          "%s: Midimo Chat back; %,d parked, %,d attempts retried so far", id(), parked, retried);
      long done = batch.awaitAllApplied();
      OrderAudit audit = batch.audit();
      long deadLettered = OrderQueues.deadLetteredEvents(server);
      long malformed = OrderQueues.malformed(server);
      run.log(
          "%s: %s; %d dead-lettered, %d malformed", id(), audit.summary(), deadLettered, malformed);
      boolean passed = audit.clean() && deadLettered == 0 && malformed == traffic.malformed();
      Table table =
          new Table()
              .row(
                  "messages published (events twice, malformed once)",
                  String.format(Locale.ROOT, "%,d", traffic.messages()))
              .row(
                  "outage",
                  outage.toSeconds()
                      + " s, from "
                      + String.format(Locale.ROOT, "%,d", appliedBefore)
                      + " events applied")
              .row("parked when Midimo Chat came back", String.format(Locale.ROOT, "%,d", parked))
              .row(
                  "events held behind their order's head (metric)",
                  String.format(Locale.ROOT, "%,d", held))
              .row(
                  "attempts that failed and were retried (metric)",
                  String.format(Locale.ROOT, "%,d", retried))
              .row("**lost**", audit.lost())
              .row("**duplicated** (messages or notifications)", audit.duplicated())
              .row("**dead-lettered** (order events)", deadLettered)
              .row("**out of order** (orders)", audit.outOfOrder())
              .row("support threads beyond one per order", audit.extraThreads())
              .row("malformed bodies in the DLQ", malformed + " of " + traffic.malformed())
              .row("**drained after recovery in**", OrderRun.seconds(done - recovered))
              .row(
                  "from the first send to the last event applied",
                  OrderRun.seconds(done - batch.startedAt()));
      return new ScenarioResult(
          passed,
          String.format(
              Locale.ROOT,
              "%d lost, %d duplicated, %d dead-lettered, %d out of order; drained %s after"
                  + " recovery",
              audit.lost(),
              audit.duplicated(),
              deadLettered,
              audit.outOfOrder(),
              OrderRun.seconds(done - recovered)),
          List.of(table.toString()));
    } finally {
      channel.shutdownNow();
      run.stop(session);
    }
  }
}
