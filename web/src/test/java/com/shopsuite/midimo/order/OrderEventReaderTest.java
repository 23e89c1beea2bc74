package com.shopsuite.midimo.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.TextMessage;
import jakarta.validation.Validation;
import java.lang.reflect.Proxy;
import java.time.Instant;
import org.hibernate.validator.HibernateValidator;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.junit.jupiter.api.Test;

class OrderEventReaderTest {

  private final OrderEventReader reader = newReader();

  private static OrderEventReader newReader() {
    OrderEventReader reader = new OrderEventReader();
    // The server's validator; messages without EL, which only the server provides.
    reader.validator =
        Validation.byProvider(HibernateValidator.class)
            .configure()
            .messageInterpolator(new ParameterMessageInterpolator())
            .buildValidatorFactory()
            .getValidator();
    return reader;
  }

  /** A TextMessage carrying {@code body}: all a reader looks at. */
  private static TextMessage text(String body) {
    return (TextMessage)
        Proxy.newProxyInstance(
            TextMessage.class.getClassLoader(),
            new Class<?>[] {TextMessage.class},
            (proxy, method, args) -> {
              if (method.getName().equals("getText")) {
                return body;
              }
              throw new UnsupportedOperationException(method.getName());
            });
  }

  @Test
  void read_aCompleteEvent_givesEveryField() {
    OrderEvent event =
        reader.read(
            text(
                """
                {"event_id":"evt-1","order_id":"order_456","customer_id":"customer_123",
                 "status":"Shipped","message":"On its way","product_id":"product_789",
                 "occurred_at":"2026-11-23T10:00:00Z","added_by_a_newer_producer":true}"""));

    assertThat(event)
        .isEqualTo(
            new OrderEvent(
                "evt-1",
                "order_456",
                "customer_123",
                "Shipped",
                "On its way",
                "product_789",
                Instant.parse("2026-11-23T10:00:00Z")));
  }

  @Test
  void read_withoutTheOptionalFields_isValid() {
    OrderEvent event =
        reader.read(
            text(
                """
                {"event_id":"evt-2","order_id":"o","customer_id":"c","status":"Paid",
                 "occurred_at":"2026-11-23T10:00:00Z"}"""));

    assertThat(event.message()).isNull();
    assertThat(event.productId()).isNull();
  }

  @Test
  void read_missingFields_namesEachOfThem() {
    assertThatThrownBy(() -> reader.read(text("{\"event_id\":\"evt-3\",\"status\":\"Paid\"}")))
        .isInstanceOf(InvalidOrderEventException.class)
        .hasMessage(
            "customer_id: must not be blank; occurred_at: must not be null;"
                + " order_id: must not be blank");
  }

  @Test
  void read_anEventIdThatCannotBeAnIdempotencyKey_isInvalid() {
    assertThatThrownBy(
            () ->
                reader.read(
                    text(
                        """
                        {"event_id":"evt 4/with spaces","order_id":"o","customer_id":"c",
                         "status":"Paid","occurred_at":"2026-11-23T10:00:00Z"}""")))
        .isInstanceOf(InvalidOrderEventException.class)
        .hasMessageStartingWith("event_id: must be 1 to 128");
  }

  @Test
  void read_tooLongValues_areInvalid() {
    String json =
        """
        {"event_id":"evt-5","order_id":"o","customer_id":"c","status":"%s",
         "occurred_at":"2026-11-23T10:00:00Z"}"""
            .formatted("x".repeat(65));

    assertThatThrownBy(() -> reader.read(text(json)))
        .isInstanceOf(InvalidOrderEventException.class)
        .hasMessageContaining("status: size must be between 0 and 64");
  }

  @Test
  void read_somethingThatIsNotJson_saysSo() {
    assertThatThrownBy(() -> reader.read(text("order 456 shipped")))
        .isInstanceOf(InvalidOrderEventException.class)
        .hasMessageStartingWith("not a JSON order event");
    assertThatThrownBy(() -> reader.read(text("   ")))
        .isInstanceOf(InvalidOrderEventException.class)
        .hasMessageStartingWith("empty message body");
    assertThatThrownBy(
            () ->
                reader.read(
                    text(
                        """
                        {"event_id":"evt-6","order_id":"o","customer_id":"c","status":"Paid",
                         "occurred_at":"yesterday"}""")))
        .isInstanceOf(InvalidOrderEventException.class)
        .hasMessageStartingWith("not a JSON order event");
  }

  @Test
  void read_aMessageThatIsNotText_isInvalid() {
    Message bytes =
        (Message)
            Proxy.newProxyInstance(
                Message.class.getClassLoader(),
                new Class<?>[] {jakarta.jms.BytesMessage.class},
                (proxy, method, args) -> {
                  throw new JMSException("not read");
                });

    assertThatThrownBy(() -> reader.read(bytes))
        .isInstanceOf(InvalidOrderEventException.class)
        .hasMessageStartingWith("not a text message");
  }
}
