package com.shopsuite.midimo.benchmarks.suite;

import static org.assertj.core.api.Assertions.assertThat;

import com.shopsuite.midimo.benchmarks.load.CpuUsage;
import com.shopsuite.midimo.benchmarks.load.LoadResult;
import com.shopsuite.midimo.benchmarks.orders.OrderEventsCase;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

class TargetsTest {

  private static Measurement run(String key, double millis, long calls, long errors) {
    Histogram latencies = new Histogram(3);
    for (long i = 0; i < calls; i++) {
      latencies.recordValue((long) (millis * 1e6));
    }
    return new Measurement(
        key, key, new LoadResult(key, Duration.ofSeconds(1), latencies, errors, null, null), -1);
  }

  private static CaseResult result(Measurement... rows) {
    return new CaseResult(
        "x", "x", "", List.of(new ResultTable("t", List.of(rows))), Map.of(), List.of());
  }

  @Test
  void judge_comparesTheFullPathWithTheDirectCallAtTheSameRate() {
    List<Targets.Verdict> verdicts =
        Targets.judge(
            List.of(
                result(run("direct/send/open", 0.4, 500, 0), run("direct/send/c64", 3, 20_000, 0)),
                result(run("full/post/open", 1.2, 500, 0), run("full/post/c64", 20, 4_000, 0))),
            500);

    assertThat(verdicts)
        .extracting(Targets.Verdict::met)
        .containsExactly(true, true, false, null, null, null, null, null, true);
    assertThat(verdicts.get(0).measured()).startsWith("+0.800 ms");
    assertThat(verdicts.get(2).measured()).contains("20 %");
  }

  @Test
  void judge_failsTheErrorTarget_onAnyError_andSaysWhatWasNotMeasured() {
    List<Targets.Verdict> verdicts =
        Targets.judge(List.of(result(run("full/post/c16", 5, 1_000, 1))), 500);

    assertThat(verdicts)
        .extracting(Targets.Verdict::met)
        .containsExactly(null, null, null, null, null, null, null, null, false);
  }

  /** A closed-loop run of one second with the given calls and cores of the driver and WildFly. */
  private static Measurement withCpu(String key, long calls, double driver, double wildfly) {
    Histogram latencies = new Histogram(3);
    for (long i = 0; i < calls; i++) {
      latencies.recordValue(1_000_000);
    }
    CpuUsage.Cores cores =
        new CpuUsage.Cores(driver, Map.of(Suite.WILDFLY, wildfly), 0.01, Map.of());
    return new Measurement(
        key, key, new LoadResult(key, Duration.ofSeconds(1), latencies, 0, null, cores), -1);
  }

  @Test
  void judge_weighsTheHopsCpuAgainstABareCall_andTheFullPathsThroughputAgainstTheFloors() {
    List<Targets.Verdict> verdicts =
        Targets.judge(
            List.of(
                result(withCpu("direct/send/c64", 17_000, 0.85, 0)),
                result(
                    withCpu("floor/verified/c64", 6_000, 0.1, 1.8),
                    withCpu("floor/full/c64", 2_900, 0.1, 1.6))),
            500);

    // 1.6 / 2,900 = 552 µs; 1.8 / 6,000 = 300 µs; 0.85 / 17,000 = 50 µs.
    assertThat(verdicts.get(3).measured()).isEqualTo("552 − 300 = 252 µs vs 50 µs: 5.0×");
    assertThat(verdicts.get(3).met()).isFalse();
    assertThat(verdicts.get(4).measured()).isEqualTo("2,900/s vs 6,000/s: 48 %");
    assertThat(verdicts.get(4).met()).isFalse();
  }

  private static CaseResult orderEvents(long perSecond, long messages, long liveNotifications) {
    Map<String, Long> figures = new LinkedHashMap<>();
    figures.put(OrderEventsCase.EVENTS_PER_SECOND, perSecond);
    figures.put(OrderEventsCase.MESSAGES, messages);
    figures.put(OrderEventsCase.NOTIFICATIONS, 10_000L);
    figures.put(OrderEventsCase.LIVE_MESSAGES, 10_000L);
    figures.put(OrderEventsCase.LIVE_NOTIFICATIONS, liveNotifications);
    figures.put(OrderEventsCase.DEAD_LETTERED, 0L);
    return new CaseResult(OrderEventsCase.ID, "5", "", List.of(), figures, List.of());
  }

  @Test
  void judge_metTheOrderEventsTarget_onlyFastEnoughAndExactlyOnceInBothRuns() {
    assertThat(Targets.judge(List.of(orderEvents(1_200, 10_000, 10_000)), 500).get(5).met())
        .isTrue();
    assertThat(Targets.judge(List.of(orderEvents(900, 10_000, 10_000)), 500).get(5).met())
        .isFalse();
    assertThat(Targets.judge(List.of(orderEvents(1_200, 10_001, 10_000)), 500).get(5).met())
        .isFalse();
    assertThat(Targets.judge(List.of(orderEvents(1_200, 10_000, 9_999)), 500).get(5).met())
        .isFalse();
  }
}
