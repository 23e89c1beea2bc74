package com.shopsuite.orders;

import jakarta.jms.JMSContext;
import jakarta.jms.JMSProducer;
import jakarta.jms.Queue;
import jakarta.jms.TextMessage;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;

/**
 * Publishes order events to the {@code OrderEvents} queue from another JVM, logged in as the
 * order-publisher user: on a WildFly server with its embedded broker, over the server's HTTP port
 * (HTTP upgrade to Artemis' protocol, no extra port; {@link #connect}); on a standalone Artemis
 * broker that several nodes share, to the broker's own port ({@link #connectToBroker}). Every event
 * of one order carries {@code JMSXGroupID} = the order id, so the consumer sees one order's events
 * in the order they were published.
 */
public final class OrderEventPublisher implements AutoCloseable {

  public static final String QUEUE = "OrderEvents";

  private final ActiveMQConnectionFactory factory;
  private final JMSContext context;
  private final Queue queue;
  private final JMSProducer producer;

  private OrderEventPublisher(ActiveMQConnectionFactory factory, JMSContext context) {
    this.factory = factory;
    this.context = context;
    this.queue = context.createQueue(QUEUE);
    this.producer = context.createProducer();
  }

  /**
   * Connects to {@code host:httpPort} as {@code user}.
   *
   * @throws jakarta.jms.JMSSecurityRuntimeException when the server refuses the credentials
   */
  public static OrderEventPublisher connect(
      String host, int httpPort, String user, String password) {
    return connectTo(url(host, httpPort), user, password);
  }

  /**
   * Connects to a standalone Artemis broker at {@code host:port} as {@code user}.
   *
   * @throws jakarta.jms.JMSSecurityRuntimeException when the broker refuses the credentials
   */
  public static OrderEventPublisher connectToBroker(
      String host, int port, String user, String password) {
    return connectTo(brokerUrl(host, port), user, password);
  }

  private static OrderEventPublisher connectTo(String url, String user, String password) {
    ActiveMQConnectionFactory factory = new ActiveMQConnectionFactory(url, user, password);
    try {
      return new OrderEventPublisher(factory, factory.createContext(JMSContext.AUTO_ACKNOWLEDGE));
    } catch (RuntimeException e) {
      factory.close();
      throw e;
    }
  }

  /**
   * WildFly's Artemis behind its HTTP listener: HTTP upgrade to the {@code http-acceptor}, and the
   * {@code jms.queue.} address prefix WildFly gives its JMS queues.
   */
  static String url(String host, int httpPort) {
    return "tcp://%s:%d?httpUpgradeEnabled=true&httpUpgradeEndpoint=http-acceptor&enable1xPrefixes=true"
        .formatted(host, httpPort);
  }

  /** A 2.x broker's own acceptor: queues are addressed by their names, without a prefix. */
  static String brokerUrl(String host, int port) {
    return "tcp://%s:%d".formatted(host, port);
  }

  /** Publishes one event; returns its id. */
  public String publish(OrderEventMessage event) {
    publishRaw(event.toJson(), event.orderId());
    return event.eventId();
  }

  /**
   * Publishes any text as an order event (the consumer's handling of malformed events is tested
   * with this).
   *
   * @param orderId the group: null for none
   */
  public void publishRaw(String body, String orderId) {
    TextMessage message = context.createTextMessage(body);
    try {
      if (orderId != null) {
        message.setStringProperty("JMSXGroupID", orderId);
      }
    } catch (jakarta.jms.JMSException e) {
      throw new IllegalStateException(e);
    }
    producer.send(queue, message);
  }

  @Override
  public void close() {
    context.close();
    factory.close();
  }
}
