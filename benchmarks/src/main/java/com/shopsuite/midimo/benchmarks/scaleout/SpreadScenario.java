package com.shopsuite.midimo.benchmarks.scaleout;

import com.shopsuite.midimo.benchmarks.resilience.OrderAudit;
import com.shopsuite.midimo.benchmarks.resilience.ScenarioResult;
import com.shopsuite.midimo.benchmarks.resilience.ServerMetrics;
import com.shopsuite.midimo.benchmarks.resilience.Table;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/** 1. Both nodes consume one broker's order events: how they share them, and nothing breaks. */
final class SpreadScenario implements ScaleOutScenario {

  /** The least share of the events each node must apply. */
  static final double FAIR_SHARE = 0.20;

  @Override
  public String id() {
    return "spread";
  }

  @Override
  public String title() {
    return "1. Two nodes share 10,000 order events";
  }

  @Override
  public String setup() {
    return "10,000 events (1,000 orders × 10 status changes) published to the broker by 16"
        + " producers, every event sent twice (a producer's retry), 10 malformed bodies mixed in,"
        + " in the groups of real orders. Both nodes consume `OrderEvents`. Afterwards every"
        + " order is read back from the emulator, and each node's count of applied order-event"
        + " messages from its metrics (`midimo_order_events_total{outcome=\"applied\"}`, which"
        + " counts a re-sent event's second copy too: it is applied again, finding what the first"
        + " made).";
  }

  @Override
  public String passRule() {
    return "0 lost, 0 duplicated, 0 out of order, 0 dead-lettered; each node applied at least 20 %"
        + " of the order-event messages";
  }

  @Override
  public ScenarioResult run(ScaleOutRun run) throws Exception {
    TwoNodeCluster cluster = run.start(id());
    try (BrokerOrderRun batch = new BrokerOrderRun(cluster, run.traffic(id()))) {
      long consumers = cluster.queues(q -> q.consumerCount(BrokerOrderRun.EVENTS));
      batch.start();
      long done = batch.awaitAllApplied(Duration.ofMinutes(2));
      if (done < 0) {
        run.log("%s: not every event applied (%,d messages)", id(), batch.applied());
        done = System.nanoTime();
      }
      boolean drained = batch.awaitDrained(Duration.ofMinutes(5));
      long node1 = ServerMetrics.orderEvents(cluster.node(1), "applied");
      long node2 = ServerMetrics.orderEvents(cluster.node(2), "applied");
      OrderAudit audit = batch.audit();
      long deadLettered = batch.deadLettered();
      long malformed = batch.malformed();
      double perSecond = batch.eventsPerSecond(done);
      run.log(
          "%s: %s; %d dead-lettered; node-1 applied %,d, node-2 %,d; %.0f events/s",
          id(), audit.summary(), deadLettered, node1, node2, perSecond);
      // Every event arrives twice, and each copy counts as applied (the second finds what the
      // first made): the nodes' shares are of every order-event message applied.
      long total = node1 + node2;
      long least = Math.round(total * FAIR_SHARE);
      boolean passed =
          audit.clean() && deadLettered == 0 && drained && node1 >= least && node2 >= least;
      Table table =
          new Table()
              .row(
                  "messages published (events twice, malformed once)",
                  String.format(Locale.ROOT, "%,d", batch.traffic().messages()))
              .row("consumers of `OrderEvents` on the broker (both nodes)", consumers)
              .row(
                  "order-event messages applied, both nodes (metric; every event arrives twice)",
                  String.format(Locale.ROOT, "%,d", total))
              .row("**applied by node-1**", share(node1, total))
              .row("**applied by node-2**", share(node2, total))
              .row("**lost**", audit.lost())
              .row("**duplicated** (messages or notifications)", audit.duplicated())
              .row("**out of order** (orders)", audit.outOfOrder())
              .row("**dead-lettered** (order events)", deadLettered)
              .row("support threads beyond one per order", audit.extraThreads())
              .row("malformed bodies in the DLQ", malformed + " of " + batch.traffic().malformed())
              .row("queues drained afterwards", drained ? "yes" : "**no**")
              .row(
                  "from the first send to the last event applied",
                  BrokerOrderRun.seconds(done - batch.startedAt()))
              .row("**throughput**", String.format(Locale.ROOT, "%,.0f events/s", perSecond));
      return new ScenarioResult(
          passed,
          String.format(
              Locale.ROOT,
              "%d lost, %d duplicated, %d out of order, %d dead-lettered; node-1 applied %s,"
                  + " node-2 %s; %,.0f events/s",
              audit.lost(),
              audit.duplicated(),
              audit.outOfOrder(),
              deadLettered,
              share(node1, total),
              share(node2, total),
              perSecond),
          List.of(table.toString()));
    }
  }

  /** E.g. "5,012 (50 %)". */
  static String share(long applied, long total) {
    return String.format(Locale.ROOT, "%,d (%.0f %%)", applied, 100.0 * applied / total);
  }
}
