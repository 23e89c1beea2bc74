package com.shopsuite.midimo.it.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.shopsuite.midimo.chat.ChatService;
import com.shopsuite.midimo.core.resilience.FaultTolerancePolicy;
import com.shopsuite.midimo.core.resilience.FaultToleranceTranslator;
import com.shopsuite.midimo.error.ServiceUnavailableException;
import com.shopsuite.midimo.error.ValidationException;
import com.shopsuite.midimo.it.Deployments;
import com.shopsuite.midimo.it.Emulator;
import io.grpc.Status;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The fault-tolerance policy of the calls to Midimo Chat (FaultTolerancePolicy), proven by exact
 * call counts from the emulator. One circuit breaker guards the whole dependency, so the test that
 * opens it runs last and leaves it closed.
 */
@ExtendWith(ArquillianExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FaultToleranceIT {

  @Deployment
  static EnterpriseArchive deployment() {
    return Deployments.applicationWith(FaultToleranceIT.class);
  }

  @Inject ChatService chat;

  @Inject FaultTolerancePolicy policy;

  @Inject FaultToleranceTranslator guarded;

  private String threadId;

  @BeforeEach
  void aThread() {
    Emulator.reset();
    threadId = chat.createSupportThread("c1", "o1", null).thread().id();
  }

  @Test
  @Order(1)
  void twoUnavailableAnswers_areRetried_threeCallsOneMessage() {
    Emulator.failNext("ChatService/SendMessage", 2, Status.Code.UNAVAILABLE);

    chat.sendMessage(threadId, "c1", "hello", List.of(), null);

    assertThat(Emulator.calls("ChatService/SendMessage")).isEqualTo(3);
    assertThat(chat.getThreadMessages(threadId, 50, null).messages()).hasSize(1);
  }

  @Test
  @Order(2)
  void aRetryWhileTheFirstAttemptIsStillInFlight_neverPostsTwice() throws Exception {
    // The first attempt outlives its 2 s deadline; the retry goes out while it is still being
    // handled. Both carry the same idempotency key.
    Emulator.latency("ChatService/SendMessage", 2_500);
    CompletableFuture<String> send =
        CompletableFuture.supplyAsync(
            () -> chat.sendMessage(threadId, "c1", "exactly once", List.of(), null).id());
    await()
        .atMost(Duration.ofSeconds(5))
        .until(() -> Emulator.calls("ChatService/SendMessage") == 1);
    Emulator.clearFaults();

    String messageId = send.get(15, TimeUnit.SECONDS);

    assertThat(Emulator.calls("ChatService/SendMessage")).isEqualTo(2);
    await()
        .atMost(Duration.ofSeconds(5))
        .untilAsserted(
            () ->
                assertThat(chat.getThreadMessages(threadId, 50, null).messages())
                    .singleElement()
                    .satisfies(message -> assertThat(message.id()).isEqualTo(messageId)));
  }

  @Test
  @Order(3)
  void aValidationError_isNeverRetried() {
    Emulator.failNext("ChatService/SendMessage", 1, Status.Code.INVALID_ARGUMENT);

    assertThatThrownBy(() -> chat.sendMessage(threadId, "c1", "hello", List.of(), null))
        .isExactlyInstanceOf(ValidationException.class);

    assertThat(Emulator.calls("ChatService/SendMessage")).isEqualTo(1);
  }

  @Test
  @Order(4)
  void retries_backOffExponentially() {
    List<Long> attempts = new java.util.concurrent.CopyOnWriteArrayList<>();

    assertThatThrownBy(
            () ->
                policy.call(
                    () -> {
                      attempts.add(System.nanoTime());
                      throw new ServiceUnavailableException("injected by the test", null);
                    }))
        .isInstanceOf(ServiceUnavailableException.class);

    assertThat(attempts).hasSize(3);
    long first = TimeUnit.NANOSECONDS.toMillis(attempts.get(1) - attempts.get(0));
    long second = TimeUnit.NANOSECONDS.toMillis(attempts.get(2) - attempts.get(1));
    // 200 ms then 400 ms, each ±50 ms of jitter: with a constant delay both gaps would match.
    assertThat(first).isBetween(150L, 350L);
    assertThat(second).isGreaterThanOrEqualTo(350L);
    assertThat(second - first).isGreaterThanOrEqualTo(100L);
  }

  @Test
  @Order(5)
  void aFullBulkhead_isServiceUnavailable_atOnce() throws Exception {
    int capacity = 64;
    int extra = 6;
    CountDownLatch release = new CountDownLatch(1);
    ConcurrentLinkedQueue<Throwable> rejected = new ConcurrentLinkedQueue<>();
    ExecutorService callers = Executors.newFixedThreadPool(capacity + extra);
    try {
      for (int i = 0; i < capacity + extra; i++) {
        callers.submit(
            () -> {
              try {
                guarded.call(
                    () -> {
                      await().atMost(Duration.ofSeconds(2)).until(() -> release.getCount() == 0);
                      return null;
                    });
              } catch (RuntimeException e) {
                rejected.add(e);
              }
            });
      }
      await().atMost(Duration.ofSeconds(10)).until(() -> rejected.size() == extra);
    } finally {
      release.countDown();
      callers.shutdown();
      assertThat(callers.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
    }

    assertThat(rejected)
        .hasSize(extra)
        .allSatisfy(
            e ->
                assertThat(e)
                    .isInstanceOf(ServiceUnavailableException.class)
                    .hasMessageContaining("bulkhead"));
  }

  @Test
  @Order(99)
  void theCircuit_opensInAnOutage_failsFastWithoutCalling_andClosesAfterRecovery() {
    Emulator.outage(true);

    // Failed calls (each retried twice) until the breaker opens and answers by itself.
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () -> failureOf(() -> chat.getThreadMessages(threadId, 10, null)).contains("circuit"));

    long callsWhenOpen = Emulator.calls("ChatService/GetThreadMessages");
    long started = System.nanoTime();
    assertThatThrownBy(() -> chat.getThreadMessages(threadId, 10, null))
        .isInstanceOfSatisfying(
            ServiceUnavailableException.class,
            e -> assertThat(e.retryAfter()).contains(Duration.ofSeconds(10)));
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(200));
    assertThat(Emulator.calls("ChatService/GetThreadMessages")).isEqualTo(callsWhenOpen);

    Emulator.outage(false);

    // After the breaker's delay (10 s) calls go through again.
    await()
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(250))
        .until(() -> failureOf(() -> chat.getThreadMessages(threadId, 10, null)).isEmpty());
    for (int i = 0; i < 5; i++) {
      assertThat(chat.getThreadMessages(threadId, 10, null).messages()).isEmpty();
    }
  }

  /** The failure's message, or "" when the call succeeded. */
  private static String failureOf(Runnable call) {
    try {
      call.run();
      return "";
    } catch (RuntimeException e) {
      return e.getMessage();
    }
  }
}
