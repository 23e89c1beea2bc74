package com.shopsuite.midimo.order;

import static org.assertj.core.api.Assertions.assertThat;

import com.shopsuite.midimo.error.ServiceFailureException;
import com.shopsuite.midimo.error.ServiceUnavailableException;
import com.shopsuite.midimo.error.ValidationException;
import com.shopsuite.midimo.order.InMemoryLaneStore.DeadLetter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jakarta.jms.Message;
import jakarta.validation.Validation;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.hibernate.validator.HibernateValidator;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.junit.jupiter.api.Test;

/**
 * Each order's events stay in order whatever happens to them: applied, held behind a retrying head,
 * dead-lettered with their order's later events behind, and moved back by an operator. The real
 * reader, policy and metrics; the broker's queues as lists, Midimo Chat as a script of failures.
 */
class OrderLanesTest {

  private final InMemoryLaneStore store = new InMemoryLaneStore();
  private final List<String> applied = new ArrayList<>();
  private final Map<String, Supplier<RuntimeException>> failing = new HashMap<>();
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final OrderLanes lanes = lanes();

  private OrderLanes lanes() {
    OrderLanes lanes = new OrderLanes();
    lanes.store = store;
    lanes.reader = new OrderEventReader();
    lanes.reader.validator =
        Validation.byProvider(HibernateValidator.class)
            .configure()
            .messageInterpolator(new ParameterMessageInterpolator())
            .buildValidatorFactory()
            .getValidator();
    lanes.chat =
        new OrderChatUpdates() {
          @Override
          public void apply(OrderEvent event) {
            Supplier<RuntimeException> failure = failing.get(event.eventId());
            if (failure != null) {
              throw failure.get();
            }
            applied.add(event.eventId());
          }
        };
    lanes.policy = new OrderEventRetryPolicy();
    lanes.policy.maxAttempts = 4;
    lanes.policy.initial = Duration.ofSeconds(1);
    lanes.policy.max = Duration.ofSeconds(30);
    lanes.metrics = new OrderEventMetrics();
    lanes.metrics.registry = registry;
    lanes.metrics.register();
    return lanes;
  }

  private void arrive(String eventId, String order) {
    lanes.arrive(FakeMessages.event(eventId, order), null);
  }

  private void unavailable(String eventId) {
    failing.put(
        eventId,
        () ->
            new ServiceUnavailableException("Midimo Chat is unavailable", null)
                .withUpstreamStatus("UNAVAILABLE"));
  }

  @Test
  void aClearLane_appliesAtOnce() {
    arrive("a1", "order_a");
    arrive("a2", "order_a");

    assertThat(applied).containsExactly("a1", "a2");
    assertThat(store.parked).isEmpty();
    assertThat(store.timers).isEmpty();
  }

  @Test
  void aFailureThatMayPass_holdsItsOrder_behindIt_andNoOtherOrder() {
    unavailable("a1");

    arrive("a1", "order_a");
    arrive("a2", "order_a");
    arrive("b1", "order_b");

    assertThat(applied).containsExactly("b1");
    assertThat(store.parked).extracting(ParkedEvent::eventId).containsExactly("a1", "a2");
    assertThat(store.timers)
        .singleElement()
        .satisfies(
            scheduled -> {
              assertThat(scheduled.timer().headEventId()).isEqualTo("a1");
              assertThat(scheduled.timer().attempt()).isEqualTo(2);
              assertThat(scheduled.timer().group()).isEqualTo("order_a");
              assertThat(scheduled.delay()).isEqualTo(Duration.ofSeconds(1));
            });
    assertThat(store.deadLetters).isEmpty();
  }

  @Test
  void theRetry_oncePassing_appliesTheHeldEventsInOrder() {
    unavailable("a1");
    arrive("a1", "order_a");
    arrive("a2", "order_a");
    arrive("a3", "order_a");

    failing.clear();
    lanes.retry(store.nextTimer());

    assertThat(applied).containsExactly("a1", "a2", "a3");
    assertThat(store.parked).isEmpty();
    assertThat(store.timers).isEmpty();
    arrive("a4", "order_a");
    assertThat(applied).containsExactly("a1", "a2", "a3", "a4");
  }

  @Test
  void aRetryStillFailing_backsOffFurther_keepingTheOrder() {
    unavailable("a1");
    arrive("a1", "order_a");
    arrive("a2", "order_a");

    lanes.retry(store.nextTimer());

    assertThat(applied).isEmpty();
    assertThat(store.timers)
        .singleElement()
        .satisfies(
            scheduled -> {
              assertThat(scheduled.timer().attempt()).isEqualTo(3);
              assertThat(scheduled.delay()).isEqualTo(Duration.ofSeconds(2));
            });
    assertThat(store.parked).extracting(ParkedEvent::eventId).containsExactly("a1", "a2");
  }

  @Test
  void aHeadThatPasses_whileTheNextFails_makesTheNextTheHead_atItsFirstAttempt() {
    unavailable("a1");
    arrive("a1", "order_a");
    arrive("a2", "order_a");
    failing.clear();
    unavailable("a2");

    lanes.retry(store.nextTimer());

    assertThat(applied).containsExactly("a1");
    assertThat(store.timers)
        .singleElement()
        .satisfies(
            scheduled -> {
              assertThat(scheduled.timer().headEventId()).isEqualTo("a2");
              assertThat(scheduled.timer().attempt()).isEqualTo(2);
            });
  }

  @Test
  void aHeadStillFailingAfterItsLastAttempt_isDeadLettered_withItsOrderBehindIt() {
    unavailable("a1");
    arrive("a1", "order_a");
    arrive("a2", "order_a");
    for (int attempt = 2; attempt <= 4; attempt++) {
      lanes.retry(store.nextTimer());
    }

    assertThat(store.deadLetters)
        .extracting(DeadLetter::eventId, DeadLetter::cause, DeadLetter::blockedBy)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("a1", DeadLetterCause.EXHAUSTED, null),
            org.assertj.core.groups.Tuple.tuple("a2", DeadLetterCause.BEHIND, "a1"));
    assertThat(store.deadLetters.get(0).reason()).contains("after 4 attempts");
    assertThat(store.parked).isEmpty();
    assertThat(store.timers).isEmpty();

    arrive("a3", "order_a");
    assertThat(store.deadLetters.get(2))
        .satisfies(
            letter -> {
              assertThat(letter.eventId()).isEqualTo("a3");
              assertThat(letter.reason()).isEqualTo("behind event a1");
            });
    assertThat(applied).isEmpty();
  }

  @Test
  void aDefinitiveAnswer_deadLettersAtOnce_andTheOrdersLaterEventsFollow() {
    failing.put(
        "a1",
        () -> new ValidationException("content too long").withUpstreamStatus("INVALID_ARGUMENT"));

    arrive("a1", "order_a");
    arrive("a2", "order_a");
    arrive("b1", "order_b");

    assertThat(store.deadLetters)
        .extracting(DeadLetter::eventId, DeadLetter::cause)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("a1", DeadLetterCause.REJECTED),
            org.assertj.core.groups.Tuple.tuple("a2", DeadLetterCause.BEHIND));
    assertThat(applied).containsExactly("b1");
    assertThat(store.timers).isEmpty();
  }

  @Test
  void anInternalError_isTriedAgain_notDeadLettered() {
    failing.put(
        "a1", () -> new ServiceFailureException("restarting", null).withUpstreamStatus("INTERNAL"));

    arrive("a1", "order_a");

    assertThat(store.deadLetters).isEmpty();
    assertThat(store.parked).extracting(ParkedEvent::eventId).containsExactly("a1");
  }

  @Test
  void aRedrive_appliesTheDeadLetteredEventsInTheirOriginalOrder_once() {
    failing.put(
        "a1", () -> new ValidationException("bad").withUpstreamStatus("FAILED_PRECONDITION"));
    arrive("a1", "order_a");
    arrive("a2", "order_a");
    arrive("a3", "order_a");
    failing.clear();

    for (DeadLetter moved : store.redrive("order_a")) {
      lanes.arrive(moved.message(), new OrderLanes.Redrive(moved.blockedBy()));
    }

    assertThat(applied).containsExactly("a1", "a2", "a3");
    assertThat(store.deadLetters).isEmpty();
    arrive("a4", "order_a");
    assertThat(applied).containsExactly("a1", "a2", "a3", "a4");
  }

  @Test
  void aRedriveOfALaterEventAlone_sendsItBackBehindTheEventStillThere() {
    failing.put("a1", () -> new ValidationException("bad").withUpstreamStatus("INVALID_ARGUMENT"));
    arrive("a1", "order_a");
    arrive("a2", "order_a");
    DeadLetter later = store.deadLetters.remove(1);

    lanes.arrive(later.message(), new OrderLanes.Redrive(later.blockedBy()));

    assertThat(applied).isEmpty();
    assertThat(store.deadLetters).extracting(DeadLetter::eventId).containsExactly("a1", "a2");
    assertThat(store.deadLetters.get(1).blockedBy()).isEqualTo("a1");
  }

  @Test
  void aMalformedEvent_blocksNothing() {
    lanes.arrive(FakeMessages.text("not json", Map.of("JMSXGroupID", "order_a")), null);
    arrive("a1", "order_a");

    assertThat(store.deadLetters)
        .singleElement()
        .satisfies(
            letter -> {
              assertThat(letter.cause()).isEqualTo(DeadLetterCause.MALFORMED);
              assertThat(letter.orderId()).isNull();
            });
    assertThat(applied).containsExactly("a1");
  }

  @Test
  void anInvalidEventOfAnOrder_blocksThatOrder() {
    lanes.arrive(
        FakeMessages.text(
            """
            {"event_id":"a1","order_id":"order_a","customer_id":"customer_1",
             "status":"%s","occurred_at":"2026-11-23T10:00:00Z"}"""
                .formatted("S".repeat(65)),
            Map.of("JMSXGroupID", "order_a")),
        null);
    arrive("a2", "order_a");

    assertThat(store.deadLetters)
        .extracting(DeadLetter::cause)
        .containsExactly(DeadLetterCause.INVALID, DeadLetterCause.BEHIND);
    assertThat(applied).isEmpty();
  }

  @Test
  void anInvalidEventOfAHeldOrder_waitsInLine_andIsDeadLetteredInItsTurn() {
    unavailable("a1");
    arrive("a1", "order_a");
    lanes.arrive(
        FakeMessages.text(
            "{\"order_id\":\"order_a\",\"status\":\"no event id\"}",
            Map.of("JMSXGroupID", "order_a")),
        null);
    arrive("a3", "order_a");
    failing.clear();

    lanes.retry(store.nextTimer());

    assertThat(applied).containsExactly("a1");
    assertThat(store.deadLetters)
        .extracting(DeadLetter::cause)
        .containsExactly(DeadLetterCause.INVALID, DeadLetterCause.BEHIND);
  }

  @Test
  void moreHeldEventsThanABatch_areAppliedByFollowingTimers_inOrder() {
    unavailable("a0");
    arrive("a0", "order_a");
    for (int i = 1; i <= OrderLanes.BATCH + 10; i++) {
      arrive("a" + i, "order_a");
    }
    failing.clear();

    lanes.retry(store.nextTimer());
    assertThat(applied).hasSize(OrderLanes.BATCH);
    assertThat(store.timers)
        .singleElement()
        .satisfies(scheduled -> assertThat(scheduled.delay()).isZero());
    lanes.retry(store.nextTimer());

    List<String> expected = new ArrayList<>();
    for (int i = 0; i <= OrderLanes.BATCH + 10; i++) {
      expected.add("a" + i);
    }
    assertThat(applied).containsExactlyElementsOf(expected);
    assertThat(store.parked).isEmpty();
  }

  @Test
  void aStaleTimer_changesNothing() {
    lanes.retry(new RetryTimer("order_a", "order_a", "a1", 2, RetryTimer.Mode.RETRY));

    assertThat(applied).isEmpty();
    assertThat(store.timers).isEmpty();
  }

  @Test
  void anEventDeliveredTooOften_isDeadLettered_blockingItsOrder() {
    Message crashing = FakeMessages.event("a1", "order_a");

    lanes.giveUp(crashing, 26);
    arrive("a2", "order_a");

    assertThat(store.deadLetters)
        .extracting(DeadLetter::cause)
        .containsExactly(DeadLetterCause.EXHAUSTED, DeadLetterCause.BEHIND);
  }

  @Test
  void theMetrics_countEachOutcome() {
    unavailable("a1");
    arrive("a1", "order_a");
    arrive("a2", "order_a");
    arrive("b1", "order_b");

    assertThat(registry.counter(OrderEventMetrics.EVENTS, "outcome", "applied").count())
        .isEqualTo(1);
    assertThat(registry.counter(OrderEventMetrics.EVENTS, "outcome", "held").count()).isEqualTo(1);
    assertThat(registry.counter(OrderEventMetrics.EVENTS, "outcome", "retried").count())
        .isEqualTo(1);
  }
}
