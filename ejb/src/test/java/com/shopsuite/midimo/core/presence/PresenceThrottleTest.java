package com.shopsuite.midimo.core.presence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.shopsuite.midimo.core.connection.MidimoChatConfiguration;
import com.shopsuite.midimo.presence.Presence;
import com.shopsuite.midimo.presence.PresenceStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class PresenceThrottleTest {

  private final PresenceThrottle throttle = throttle(Duration.ofMinutes(1));

  private static PresenceThrottle throttle(Duration window) {
    PresenceThrottle throttle = new PresenceThrottle();
    throttle.configuration =
        new MidimoChatConfiguration() {
          @Override
          public Duration throttleWindow() {
            return window;
          }

          @Override
          public long throttleMaxEntries() {
            return 1_000;
          }
        };
    throttle.create();
    return throttle;
  }

  @Test
  void repeatOf_coalescesOnlyTheSameStatusAndText() {
    Presence sent = new Presence("u1", PresenceStatus.ONLINE, "Viewing products", Instant.now());
    throttle.presenceSent(sent);

    assertThat(throttle.repeatOf("u1", PresenceStatus.ONLINE, "Viewing products")).contains(sent);
    assertThat(throttle.repeatOf("u1", PresenceStatus.ONLINE, "In checkout")).isEmpty();
    assertThat(throttle.repeatOf("u1", PresenceStatus.OFFLINE, "Viewing products")).isEmpty();
    assertThat(throttle.repeatOf("u2", PresenceStatus.ONLINE, "Viewing products")).isEmpty();
  }

  @Test
  void repeatOf_forgetsAfterTheWindow() {
    PresenceThrottle shortWindow = throttle(Duration.ofMillis(50));
    shortWindow.presenceSent(new Presence("u1", PresenceStatus.ONLINE, "", Instant.now()));
    assertThat(shortWindow.repeatOf("u1", PresenceStatus.ONLINE, "")).isPresent();

    await()
        .atMost(Duration.ofSeconds(5))
        .until(() -> shortWindow.repeatOf("u1", PresenceStatus.ONLINE, "").isEmpty());
  }

  @Test
  void claimTyping_letsOneOfManyConcurrentRepeatsThrough() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(8);
    CountDownLatch start = new CountDownLatch(1);
    ConcurrentLinkedQueue<Boolean> claims = new ConcurrentLinkedQueue<>();
    for (int i = 0; i < 32; i++) {
      pool.submit(
          () -> {
            start.await();
            return claims.add(throttle.claimTyping("t1", "u1"));
          });
    }
    start.countDown();
    pool.shutdown();
    assertThat(pool.awaitTermination(5, TimeUnit.SECONDS)).isTrue();

    assertThat(claims).hasSize(32).containsOnlyOnce(true);
  }

  @Test
  void releaseTyping_letsTheNextStartThrough() {
    assertThat(throttle.claimTyping("t1", "u1")).isTrue();
    assertThat(throttle.claimTyping("t1", "u1")).isFalse();
    assertThat(throttle.claimTyping("t1", "u2")).isTrue();

    throttle.releaseTyping("t1", "u1");

    assertThat(throttle.claimTyping("t1", "u1")).isTrue();
  }
}
