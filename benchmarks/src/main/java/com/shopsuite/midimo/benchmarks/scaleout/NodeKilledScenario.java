package com.shopsuite.midimo.benchmarks.scaleout;

import com.midimo.chat.v1.Message;
import com.shopsuite.midimo.benchmarks.resilience.OrderAudit;
import com.shopsuite.midimo.benchmarks.resilience.ScenarioResult;
import com.shopsuite.midimo.benchmarks.resilience.ServerMetrics;
import com.shopsuite.midimo.benchmarks.resilience.Table;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * 2. One of the two nodes killed with SIGKILL in the middle of the order events: the survivor takes
 * over its orders and finishes, while its storefront API keeps answering.
 */
final class NodeKilledScenario implements ScaleOutScenario {

  /**
   * No event applied for this long, with some not applied yet: what is left is held by the dead
   * node (the broker frees a dead consumer's deliveries at once, but not what its in-doubt
   * transactions hold).
   */
  static final Duration STALL = Duration.ofSeconds(60);

  @Override
  public String id() {
    return "node-killed";
  }

  @Override
  public String title() {
    return "2. kill -9 of one node in the middle of 10,000 order events";
  }

  @Override
  public String setup() {
    return "The load of scenario 1 (10,000 events for 1,000 orders, each sent twice, 10 malformed)."
        + " When 30 % of the events are applied, node-2 is killed with SIGKILL (nothing flushed,"
        + " nothing closed) and not restarted: node-1 alone must finish. If events stay held"
        + " (nothing applied for "
        + STALL.toSeconds()
        + " s while some are missing: the in-doubt XA transactions of the dead node keep their"
        + " messages on the broker until that node recovers them), node-2 is started again on its"
        + " base directory and the report says so. Throughout, a storefront client asks node-1"
        + " for an agent's availability (`GET /agents/availability?agent_id=agent_1`, a customer's"
        + " token) 4 times per second. The takeover time is read from the emulator's messages:"
        + " for every order with messages both before and after the kill, the time from the kill"
        + " to its first message after it.";
  }

  @Override
  public String passRule() {
    return "0 lost, 0 duplicated, 0 out of order, 0 dead-lettered; 0 failed storefront requests"
        + " to the survivor";
  }

  @Override
  public ScenarioResult run(ScaleOutRun run) throws Exception {
    TwoNodeCluster cluster = run.start(id());
    StorefrontProbe probe =
        StorefrontProbe.start(List.of(cluster.node(1)), cluster.customerToken("customer_1"));
    try (BrokerOrderRun batch = new BrokerOrderRun(cluster, run.traffic(id()))) {
      int events = batch.traffic().events();
      batch.start();
      batch.awaitApplied(0.3);
      long appliedAtKill = batch.applied();
      long sentAtKill = batch.sent();
      long node1AtKill = ServerMetrics.orderEvents(cluster.node(1), "applied");
      long node2AtKill = ServerMetrics.orderEvents(cluster.node(2), "applied");
      Instant killedAt = Instant.now();
      long killed = System.nanoTime();
      cluster.killNode(2);
      run.log(
          "%s: node-2 killed after %,d messages sent, %,d applied (node-1 %,d, node-2 %,d)",
          id(), sentAtKill, appliedAtKill, node1AtKill, node2AtKill);
      long done = batch.awaitAllApplied(STALL);
      long held = 0;
      long heldInQueue = 0;
      long heldParked = 0;
      long survivorDone = done;
      Instant restartedAt = null;
      long restarting = 0;
      long restarted = 0;
      if (done < 0) {
        survivorDone = System.nanoTime() - STALL.toNanos();
        held = events - batch.applied();
        heldInQueue = batch.depth(BrokerOrderRun.EVENTS);
        heldParked = batch.depth(BrokerOrderRun.PARKED);
        run.log(
            "%s: %,d events not applied after %d s without progress (broker: %,d in OrderEvents,"
                + " %,d parked); restarting node-2",
            id(), held, STALL.toSeconds(), heldInQueue, heldParked);
        restartedAt = Instant.now();
        restarting = System.nanoTime();
        cluster.restartNode(2);
        restarted = System.nanoTime();
        run.log(
            "%s: node-2 ready again after %s",
            id(), BrokerOrderRun.seconds(restarted - restarting));
        done = batch.awaitAllApplied(Duration.ofMinutes(3));
        if (done < 0) {
          run.log("%s: still not every event applied (%,d messages)", id(), batch.applied());
          done = System.nanoTime();
        }
      }
      boolean drained = batch.awaitDrained(Duration.ofMinutes(5));
      probe.close();
      long node1 = ServerMetrics.orderEvents(cluster.node(1), "applied");
      OrderAudit audit = batch.audit();
      long deadLettered = batch.deadLettered();
      long malformed = batch.malformed();
      List<List<Message>> byOrder = batch.messagesByOrder();
      Takeover takeover = Takeover.of(byOrder, killedAt, restartedAt);
      List<String> outOfOrder = OutOfOrder.describe(byOrder, id(), killedAt, "the kill", 5);
      StorefrontProbe.Counts storefront = probe.counts(cluster.node(1).name());
      run.log(
          "%s: %s; %d dead-lettered; takeover p50 %s, max %s; storefront %s",
          id(), audit.summary(), deadLettered, takeover.p50(), takeover.max(), probe.summary());
      boolean passed =
          audit.clean() && deadLettered == 0 && drained && storefront.failed.get() == 0;
      Table table =
          new Table()
              .row(
                  "messages published (events twice, malformed once)",
                  String.format(Locale.ROOT, "%,d", batch.traffic().messages()))
              .row(
                  "node-2 killed after",
                  String.format(
                      Locale.ROOT,
                      "%,d sent, %,d events applied (node-1 %,d, node-2 %,d)",
                      sentAtKill,
                      appliedAtKill,
                      node1AtKill,
                      node2AtKill))
              .row(
                  "from the kill to the first message of any order",
                  millis(takeover.firstMessage()))
              .row("orders with messages both before and after the kill", takeover.orders())
              .row(
                  "**takeover**: from the kill to such an order's first message after it, p50 /"
                      + " max",
                  millis(takeover.p50()) + " / **" + millis(takeover.max()) + "**")
              .row(
                  "events the survivor could not take over (held by the dead node)",
                  held == 0
                      ? "0"
                      : String.format(
                          Locale.ROOT,
                          "**%,d** (broker: %,d in `OrderEvents`, %,d parked)",
                          held,
                          heldInQueue,
                          heldParked));
      if (restartedAt != null) {
        table
            .row(
                "node-2 started again (after "
                    + STALL.toSeconds()
                    + " s without progress); ready after",
                BrokerOrderRun.seconds(restarted - restarting))
            .row(
                "the held events applied, after node-2 was ready",
                BrokerOrderRun.seconds(done - restarted));
      }
      table
          .row(
              "the survivor's last event applied, after the kill",
              BrokerOrderRun.seconds(survivorDone - killed))
          .row("events applied by node-1 in all (metric)", String.format(Locale.ROOT, "%,d", node1))
          .row("**lost**", audit.lost())
          .row("**duplicated** (messages or notifications)", audit.duplicated())
          .row("**out of order** (orders)", audit.outOfOrder())
          .row("**dead-lettered** (order events)", deadLettered)
          .row("support threads beyond one per order", audit.extraThreads())
          .row("malformed bodies in the DLQ", malformed + " of " + batch.traffic().malformed())
          .row("queues drained afterwards", drained ? "yes" : "**no**")
          .row(
              "**storefront requests to node-1** during the run",
              String.format(
                  Locale.ROOT,
                  "%,d, **%,d failed**",
                  storefront.requests(),
                  storefront.failed.get()));
      List<String> details = new ArrayList<>(List.of(table.toString()));
      if (!outOfOrder.isEmpty()) {
        details.add(
            "**Out of order.** "
                + String.join(" ", outOfOrder)
                + " (Each event's calls to Midimo Chat, by its idempotency key, are in the nodes'"
                + " `midimo_chat.log`.)");
      }
      if (restartedAt != null) {
        details.add(
            String.format(
                Locale.ROOT,
                "**Held events.** %,d events were not applied by the survivor: nothing was applied"
                    + " for %d s with %,d messages still in `OrderEvents` (in delivery to the dead"
                    + " node's in-doubt transactions, which the broker keeps until that node's"
                    + " transaction manager recovers them). node-2 was started again on its base"
                    + " directory, and they were applied %s after it was ready.",
                held,
                STALL.toSeconds(),
                heldInQueue,
                BrokerOrderRun.seconds(done - restarted)));
      }
      return new ScenarioResult(
          passed,
          String.format(
              Locale.ROOT,
              "%d lost, %d duplicated, %d out of order, %d dead-lettered; takeover p50 %s, max %s;"
                  + " %,d events held until node-2 restarted; %,d of %,d storefront requests"
                  + " failed",
              audit.lost(),
              audit.duplicated(),
              audit.outOfOrder(),
              deadLettered,
              millis(takeover.p50()),
              millis(takeover.max()),
              held,
              storefront.failed.get(),
              storefront.requests()),
          details);
    } finally {
      probe.close();
    }
  }

  static String millis(Duration duration) {
    return duration.toMillis() < 10_000
        ? String.format(Locale.ROOT, "%,d ms", duration.toMillis())
        : String.format(Locale.ROOT, "%.1f s", duration.toMillis() / 1e3);
  }
}
