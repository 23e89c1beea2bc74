package com.shopsuite.midimo.benchmarks.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class OpenLoopDriverTest {
  private final ExecutorService oneAtATime = Executors.newSingleThreadExecutor();

  @AfterEach
  void stop() {
    oneAtATime.shutdownNow();
  }

  @Test
  void run_countsQueueingFromTheSchedule_whenTheSystemFallsBehind() throws Exception {
    // Serves one call at a time, 20 ms each (50/s), asked for 100/s: calls queue up.
    AsyncCall slow =
        () ->
            CompletableFuture.supplyAsync(
                () -> {
                  try {
                    Thread.sleep(20);
                  } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                  }
                  return "ok";
                },
                oneAtATime);

    LoadResult result =
        new OpenLoopDriver(Duration.ZERO, Duration.ofSeconds(1)).run("100/s", slow, 100);

    // A driver that timed from the actual send would see about 20 ms; from the schedule, the
    // last calls waited for about half a second.
    assertThat(result.latencies().getMaxValue()).isGreaterThan(300_000_000L);
    assertThat(result.callsPerSecond()).isLessThan(80);
    assertThat(result.calls()).isEqualTo(100);
  }

  @Test
  void run_keepsTheRate_whenTheSystemKeepsUp() throws Exception {
    AsyncCall instant = () -> CompletableFuture.completedFuture("ok");

    LoadResult result =
        new OpenLoopDriver(Duration.ofMillis(100), Duration.ofMillis(500))
            .run("200/s", instant, 200);

    assertThat(result.calls()).isEqualTo(100);
    assertThat(result.callsPerSecond()).isBetween(180.0, 201.0);
  }
}
