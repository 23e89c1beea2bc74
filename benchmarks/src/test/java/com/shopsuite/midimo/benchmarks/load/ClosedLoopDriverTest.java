package com.shopsuite.midimo.benchmarks.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ClosedLoopDriverTest {
  private final ScheduledExecutorService server = Executors.newScheduledThreadPool(4);

  @AfterEach
  void stop() {
    server.shutdownNow();
  }

  /** A system that answers every call after {@code millis}, in parallel. */
  private AsyncCall answeringAfter(long millis) {
    return () -> {
      CompletableFuture<Object> answer = new CompletableFuture<>();
      server.schedule(() -> answer.complete("ok"), millis, TimeUnit.MILLISECONDS);
      return answer;
    };
  }

  @Test
  void run_keepsConcurrencyCallsInFlight_andRecordsTheirServiceTime() throws Exception {
    LoadResult result =
        new ClosedLoopDriver(Duration.ofMillis(100), Duration.ofMillis(500))
            .run("4", answeringAfter(10), 4);

    // 4 callers, 10 ms each: about 400 calls per second, each about 10 ms.
    assertThat(result.callsPerSecond()).isBetween(150.0, 420.0);
    assertThat(result.latencies().getValueAtPercentile(50)).isBetween(9_000_000L, 40_000_000L);
    assertThat(result.errors()).isZero();
    assertThat(result.cpu()).isNotNull();
  }

  @Test
  void run_countsFailures_andSurvivesCallsThatFailAtOnce() throws Exception {
    AsyncCall refused =
        () -> CompletableFuture.failedFuture(new IllegalStateException("connection refused"));

    LoadResult result =
        new ClosedLoopDriver(Duration.ZERO, Duration.ofMillis(200)).run("1", refused, 1);

    assertThat(result.errors()).isPositive();
    assertThat(result.latencies().getTotalCount()).isZero();
    assertThat(result.firstError()).contains("connection refused");
  }
}
