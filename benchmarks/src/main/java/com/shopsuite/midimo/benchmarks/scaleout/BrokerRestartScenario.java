package com.shopsuite.midimo.benchmarks.scaleout;

import com.shopsuite.midimo.benchmarks.resilience.OrderAudit;
import com.shopsuite.midimo.benchmarks.resilience.ScenarioResult;
import com.shopsuite.midimo.benchmarks.resilience.ServerMetrics;
import com.shopsuite.midimo.benchmarks.resilience.Table;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * 3. The broker killed with SIGKILL in the middle of the order events and started again on its
 * journal: the nodes reconnect by themselves and finish; the producers send again what it did not
 * accept.
 */
final class BrokerRestartScenario implements ScaleOutScenario {

  /** How long the broker stays down. */
  static final Duration DOWN = Duration.ofSeconds(5);

  /** How long the nodes may take to reconnect. */
  static final Duration RECONNECT = Duration.ofMinutes(5);

  @Override
  public String id() {
    return "broker-restart";
  }

  @Override
  public String title() {
    return "3. kill -9 of the broker in the middle of 10,000 order events";
  }

  @Override
  public String setup() {
    return "The load of scenario 1 (10,000 events for 1,000 orders, each sent twice, 10 malformed)."
        + " When 30 % of the events are applied, the broker is killed with SIGKILL, left down for "
        + DOWN.toSeconds()
        + " s and started again on the same instance (its journal). The nodes are not touched:"
        + " they must reconnect by themselves. The producers, like the order system's, send"
        + " again what the broker did not accept. Throughout, a storefront client asks both"
        + " nodes for an agent's availability 4 times per second each (the storefront API does"
        + " not use the broker).";
  }

  @Override
  public String passRule() {
    return "0 lost, 0 duplicated, 0 out of order, 0 dead-lettered; without a node restart, events"
        + " flowing again and the broker's consumers of `OrderEvents` back to their number before"
        + " the kill within "
        + RECONNECT.toMinutes()
        + " minutes; 0 failed storefront requests";
  }

  /** E.g. "12.3 s"; when {@code at} is -1 (not seen before the end), says so. */
  static String after(long at, long from) {
    return at < 0 ? "not before the end" : BrokerOrderRun.seconds(at - from);
  }

  @Override
  public ScenarioResult run(ScaleOutRun run) throws Exception {
    TwoNodeCluster cluster = run.start(id());
    StorefrontProbe probe =
        StorefrontProbe.start(cluster.nodes(), cluster.customerToken("customer_1"));
    try (BrokerOrderRun batch = new BrokerOrderRun(cluster, run.traffic(id()))) {
      batch.start();
      batch.awaitApplied(0.3);
      long consumersBefore = cluster.queues(q -> q.consumerCount(BrokerOrderRun.EVENTS));
      long appliedAtKill = batch.applied();
      long sentAtKill = batch.sent();
      long killed = System.nanoTime();
      cluster.killBroker();
      run.log(
          "%s: broker killed after %,d messages sent, %,d applied (%d consumers)",
          id(), sentAtKill, appliedAtKill, consumersBefore);
      // The scenario's outage itself, not a stand-in for a condition.
      Thread.sleep(DOWN.toMillis());
      long restarting = System.nanoTime();
      cluster.restartBroker();
      long up = System.nanoTime();
      run.log("%s: broker up again after %s", id(), BrokerOrderRun.seconds(up - killed));
      long messagesAtUp = batch.applied();
      long node1AtUp = ServerMetrics.orderEvents(cluster.node(1), "applied");
      long node2AtUp = ServerMetrics.orderEvents(cluster.node(2), "applied");
      // Polled together from the moment the broker is up: the first new message, the consumers
      // back, each node applying again (or the other one having finished everything first).
      long flowing = -1;
      long consumersBack = -1;
      long[] resumed = {-1, -1};
      long[] appliedAtUp = {node1AtUp, node2AtUp};
      long consumers = 0;
      long deadline = System.nanoTime() + RECONNECT.toNanos();
      while (System.nanoTime() < deadline) {
        long now = System.nanoTime();
        if (flowing < 0 && batch.applied() > messagesAtUp) {
          flowing = now;
        }
        if (consumersBack < 0) {
          consumers = cluster.queues(q -> q.consumerCount(BrokerOrderRun.EVENTS));
          consumersBack = consumers >= consumersBefore ? now : -1;
        }
        for (int k = 1; k <= TwoNodeCluster.NODES; k++) {
          if (resumed[k - 1] < 0
              && ServerMetrics.orderEvents(cluster.node(k), "applied") > appliedAtUp[k - 1]) {
            resumed[k - 1] = now;
          }
        }
        boolean nodesDone = (resumed[0] >= 0 && resumed[1] >= 0) || batch.allApplied();
        if (flowing >= 0 && consumersBack >= 0 && nodesDone) {
          break;
        }
        Thread.sleep(200);
      }
      run.log(
          "%s: events flowing %s, %d of %d consumers %s, node-1 applying %s, node-2 %s after the"
              + " broker was up",
          id(),
          after(flowing, up),
          consumers,
          consumersBefore,
          after(consumersBack, up),
          after(resumed[0], up),
          after(resumed[1], up));
      long done = batch.awaitAllApplied(Duration.ofMinutes(2));
      if (done < 0) {
        run.log("%s: not every event applied (%,d messages)", id(), batch.applied());
        done = System.nanoTime();
      }
      boolean drained = batch.awaitDrained(Duration.ofMinutes(5));
      probe.close();
      long node1After = ServerMetrics.orderEvents(cluster.node(1), "applied") - node1AtUp;
      long node2After = ServerMetrics.orderEvents(cluster.node(2), "applied") - node2AtUp;
      OrderAudit audit = batch.audit();
      long deadLettered = batch.deadLettered();
      long malformed = batch.malformed();
      run.log(
          "%s: %s; %d dead-lettered; applied after the restart: node-1 %,d, node-2 %,d; storefront"
              + " %s",
          id(), audit.summary(), deadLettered, node1After, node2After, probe.summary());
      boolean passed =
          audit.clean()
              && deadLettered == 0
              && drained
              && flowing >= 0
              && consumersBack >= 0
              && probe.failed() == 0;
      Table table =
          new Table()
              .row(
                  "messages published (events twice, malformed once)",
                  String.format(Locale.ROOT, "%,d", batch.traffic().messages()))
              .row(
                  "broker killed after",
                  String.format(
                      Locale.ROOT, "%,d sent, %,d events applied", sentAtKill, appliedAtKill))
              .row(
                  "**broker up again**, after the kill",
                  String.format(
                      Locale.ROOT,
                      "%s (%s down, then %s to start on its journal)",
                      BrokerOrderRun.seconds(up - killed),
                      BrokerOrderRun.seconds(restarting - killed),
                      BrokerOrderRun.seconds(up - restarting)))
              .row(
                  "**events flowing again** (the first new message in the emulator), after the"
                      + " broker was up",
                  after(flowing, up))
              .row(
                  "consumers of `OrderEvents` before the kill / after the restart",
                  consumersBefore
                      + " / "
                      + consumers
                      + (consumersBack < 0
                          ? " (**not back within " + RECONNECT.toMinutes() + " min**)"
                          : ", back " + after(consumersBack, up) + " after the broker was up"))
              .row(
                  "**each node applying events again** (its metric rising), after the broker was"
                      + " up: node-1 / node-2",
                  after(resumed[0], up) + " / " + after(resumed[1], up))
              .row(
                  "events applied after the restart by node-1 / node-2 (metric)",
                  String.format(Locale.ROOT, "%,d / %,d", node1After, node2After))
              .row("last event applied, after the broker was up", BrokerOrderRun.seconds(done - up))
              .row("**lost**", audit.lost())
              .row("**duplicated** (messages or notifications)", audit.duplicated())
              .row("**out of order** (orders)", audit.outOfOrder())
              .row("**dead-lettered** (order events)", deadLettered)
              .row("support threads beyond one per order", audit.extraThreads())
              .row("malformed bodies in the DLQ", malformed + " of " + batch.traffic().malformed())
              .row("queues drained afterwards", drained ? "yes" : "**no**")
              .row("**storefront requests** during the run", probe.summary());
      return new ScenarioResult(
          passed,
          String.format(
              Locale.ROOT,
              "%d lost, %d duplicated, %d out of order, %d dead-lettered; broker up %s after the"
                  + " kill, events flowing %s later, consumers %d → %d, node-1 / node-2 applying"
                  + " again after %s / %s; %d storefront requests"
                  + " failed",
              audit.lost(),
              audit.duplicated(),
              audit.outOfOrder(),
              deadLettered,
              BrokerOrderRun.seconds(up - killed),
              after(flowing, up),
              consumersBefore,
              consumers,
              after(resumed[0], up),
              after(resumed[1], up),
              probe.failed()),
          List.of(table.toString()));
    } finally {
      probe.close();
    }
  }
}
