package com.shopsuite.midimo.order;

import static org.assertj.core.api.Assertions.assertThat;

import com.shopsuite.midimo.error.ServiceUnavailableException;
import com.shopsuite.midimo.error.ValidationException;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jakarta.ejb.MessageDrivenContext;
import jakarta.jms.Message;
import jakarta.jms.TextMessage;
import jakarta.validation.Validation;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.hibernate.validator.HibernateValidator;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.junit.jupiter.api.Test;

/**
 * How the consumer ends each delivery: applied, retried (rolled back after a backoff), or
 * dead-lettered with its reason. Real reader, retry policy and metrics; the chat calls, the DLQ and
 * the container at the edges.
 */
class OrderEventConsumerTest {

  private static final String VALID =
      """
      {"event_id":"evt-1","order_id":"order_1","customer_id":"customer_1","status":"Shipped",
       "occurred_at":"2026-11-23T10:00:00Z"}""";

  private final List<String> deadLetters = new ArrayList<>();
  private final List<OrderEvent> applied = new ArrayList<>();
  private final AtomicBoolean rolledBack = new AtomicBoolean();
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private RuntimeException chatFailure;

  private OrderEventConsumer consumer() {
    OrderEventConsumer consumer = new OrderEventConsumer();
    consumer.reader = new OrderEventReader();
    consumer.reader.validator =
        Validation.byProvider(HibernateValidator.class)
            .configure()
            .messageInterpolator(new ParameterMessageInterpolator())
            .buildValidatorFactory()
            .getValidator();
    consumer.chatUpdates =
        new OrderChatUpdates() {
          @Override
          public void apply(OrderEvent event) {
            if (chatFailure != null) {
              throw chatFailure;
            }
            applied.add(event);
          }
        };
    consumer.retryPolicy = new OrderEventRetryPolicy();
    consumer.retryPolicy.maxDeliveries = 3;
    consumer.retryPolicy.initial = java.time.Duration.ofMillis(1);
    consumer.retryPolicy.max = java.time.Duration.ofMillis(2);
    consumer.retryPolicy.check();
    consumer.deadLetters =
        new OrderEventDeadLetters() {
          @Override
          public void send(Message original, int delivery, String reason) {
            deadLetters.add(delivery + ": " + reason);
          }
        };
    consumer.metrics = new OrderEventMetrics();
    consumer.metrics.registry = registry;
    consumer.metrics.register();
    consumer.context =
        (MessageDrivenContext)
            Proxy.newProxyInstance(
                getClass().getClassLoader(),
                new Class<?>[] {MessageDrivenContext.class},
                (proxy, method, args) -> {
                  if (method.getName().equals("setRollbackOnly")) {
                    rolledBack.set(true);
                    return null;
                  }
                  throw new UnsupportedOperationException(method.getName());
                });
    return consumer;
  }

  /** A text message on its {@code delivery}-th delivery. */
  private static TextMessage delivery(String body, int delivery) {
    return (TextMessage)
        Proxy.newProxyInstance(
            TextMessage.class.getClassLoader(),
            new Class<?>[] {TextMessage.class},
            (proxy, method, args) ->
                switch (method.getName()) {
                  case "getText" -> body;
                  case "getIntProperty" -> delivery;
                  case "getStringProperty" -> null;
                  case "getJMSMessageID" -> "ID:test-" + delivery;
                  default -> throw new UnsupportedOperationException(method.getName());
                });
  }

  private double count(String outcome) {
    return registry.counter(OrderEventMetrics.EVENTS, "outcome", outcome).count();
  }

  @Test
  void aValidEvent_isApplied_andCommitted() {
    consumer().onMessage(delivery(VALID, 1));

    assertThat(applied).extracting(OrderEvent::eventId).containsExactly("evt-1");
    assertThat(rolledBack).isFalse();
    assertThat(deadLetters).isEmpty();
    assertThat(count("applied")).isEqualTo(1);
  }

  @Test
  void anInvalidEvent_isDeadLetteredAtItsFirstDelivery_neverApplied_neverRolledBack() {
    consumer().onMessage(delivery("{\"event_id\":\"evt-2\"}", 1));

    assertThat(applied).isEmpty();
    assertThat(rolledBack).isFalse();
    assertThat(deadLetters)
        .singleElement()
        .asString()
        .startsWith("1: invalid order event: customer_id: must not be blank");
    assertThat(registry.counter(OrderEventMetrics.DEAD_LETTERED, "cause", "invalid").count())
        .isEqualTo(1);
  }

  @Test
  void midimoChatUnavailable_isRolledBackForRedelivery() {
    chatFailure = new ServiceUnavailableException("Midimo Chat is unavailable", null);

    consumer().onMessage(delivery(VALID, 1));

    assertThat(rolledBack).isTrue();
    assertThat(deadLetters).isEmpty();
    assertThat(count("retried")).isEqualTo(1);
  }

  @Test
  void midimoChatUnavailable_atTheLastDelivery_isDeadLetteredWithTheReason_notRolledBack() {
    chatFailure = new ServiceUnavailableException("Midimo Chat is unavailable", null);

    consumer().onMessage(delivery(VALID, 3));

    assertThat(rolledBack).isFalse();
    assertThat(deadLetters)
        .containsExactly("3: still failing after 3 deliveries: Midimo Chat is unavailable");
    assertThat(registry.counter(OrderEventMetrics.DEAD_LETTERED, "cause", "exhausted").count())
        .isEqualTo(1);
  }

  @Test
  void anEventMidimoChatRefusesForWhatItIs_isDeadLetteredAtOnce() {
    chatFailure = new ValidationException("content exceeds 4000 characters");

    consumer().onMessage(delivery(VALID, 1));

    assertThat(rolledBack).isFalse();
    assertThat(deadLetters)
        .containsExactly("1: refused by Midimo Chat: content exceeds 4000 characters");
  }

  @Test
  void anUnexpectedFailureOfOurs_isRetried_notDropped() {
    chatFailure = new IllegalStateException("a bug");

    consumer().onMessage(delivery(VALID, 1));

    assertThat(rolledBack).isTrue();
    assertThat(deadLetters).isEmpty();
  }
}
