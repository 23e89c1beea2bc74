package com.shopsuite.midimo.it.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.shopsuite.midimo.it.Emulator;
import com.shopsuite.midimo.it.RunningSystem;
import com.shopsuite.midimo.it.rest.Storefront;
import com.shopsuite.midimo.it.rest.Tokens;
import com.shopsuite.midimo.launcher.ApplicationUser;
import com.shopsuite.midimo.launcher.BrokerProcess;
import com.shopsuite.midimo.launcher.BrokerQueues;
import com.shopsuite.midimo.launcher.DevIssuer;
import com.shopsuite.midimo.launcher.Directories;
import com.shopsuite.midimo.launcher.Secrets;
import com.shopsuite.midimo.launcher.ServerBase;
import com.shopsuite.midimo.launcher.WildFlyNode;
import com.shopsuite.orders.OrderEventMessage;
import com.shopsuite.orders.OrderEventPublisher;
import io.grpc.Status;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.JMSRuntimeException;
import jakarta.jms.JMSSecurityRuntimeException;
import jakarta.jms.Message;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.stream.IntStream;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The remote-broker mode: a node of the remote-broker server ({@code server-remote-broker}, the
 * remote-activemq layer) with the application as built, on a standalone Artemis broker configured
 * by the broker module's {@code broker.xml}, in front of the tests' emulator. The order events go
 * to the broker, as the suite's order system sends them when several nodes share one; the node's
 * consumer, its parked events, retry timers and dead letters all live in the broker. Started once
 * for this class, beside the tests' own server (HTTP 8280, management 10190, broker 61716).
 */
class RemoteBrokerIT {

  private static final int BROKER_PORT = 61716;
  private static final int PORT_OFFSET = 200;
  private static final String EVENTS = "OrderEvents";
  private static final String PARKED = "OrderEventsParked";
  private static final String DLQ = "OrderEventsDLQ";
  private static final String NODE_USER = "midimo-chat-node";
  private static final String PUBLISHER = "order-publisher";
  private static final String OPERATOR = "midimo-broker-operator";

  private static final String NODE_PASSWORD = Secrets.random(24);
  private static final String PUBLISHER_PASSWORD = Secrets.random(24);
  private static final String OPERATOR_PASSWORD = Secrets.random(24);

  private static BrokerProcess.Settings brokerSettings;
  private static BrokerProcess broker;
  private static WildFlyNode node;

  private OrderEventPublisher publisher;

  @BeforeAll
  static void startTheBrokerAndANodeOnIt() {
    Path dir = Path.of(System.getProperty("midimo.it.remote-broker.dir"));
    Directories.deleteRecursively(dir);
    brokerSettings =
        BrokerProcess.Settings.of(
            Path.of(System.getProperty("midimo.it.broker.root")),
            dir.resolve("broker"),
            BROKER_PORT,
            List.of(
                ApplicationUser.of(NODE_USER, NODE_PASSWORD, BrokerProcess.NODE_ROLE),
                ApplicationUser.of(PUBLISHER, PUBLISHER_PASSWORD, PUBLISHER),
                ApplicationUser.of(OPERATOR, OPERATOR_PASSWORD, BrokerProcess.OPERATOR_ROLE)));
    broker = BrokerProcess.start(brokerSettings);
    try {
      node =
          ServerBase.prepare(
                  ServerBase.Settings.builder(
                          Path.of(System.getProperty("midimo.it.remote-broker.jboss.home")),
                          dir.resolve("node"))
                      .name("remote-broker-node")
                      .portOffset(PORT_OFFSET)
                      .deploy(Path.of(System.getProperty("midimo.it.ear")))
                      .secret("midimo.chat.jwt.secret-key", RunningSystem.jwtSecret())
                      .configurationFile(
                          DevIssuer.SERVER_KEY_FILE, RunningSystem.issuer().publicKey())
                      .systemProperty("midimo.chat.port", Integer.toString(Emulator.port()))
                      .broker(BROKER_PORT, NODE_USER, NODE_PASSWORD)
                      .heap("-Xms64m -Xmx384m")
                      .build())
              .start();
    } catch (RuntimeException e) {
      broker.close();
      throw e;
    }
  }

  @AfterAll
  static void stopThem() {
    try {
      if (node != null) {
        node.close();
      }
    } finally {
      if (broker != null) {
        broker.close();
      }
    }
  }

  @BeforeEach
  void emptyMidimoChat() {
    Emulator.reset();
    publisher =
        OrderEventPublisher.connectToBroker(
            "localhost", BROKER_PORT, PUBLISHER, PUBLISHER_PASSWORD);
  }

  @AfterEach
  void closePublisher() {
    Emulator.clearFaults();
    publisher.close();
  }

  @Test
  void orderEventsSentToTheBroker_areAppliedByTheNode_onceEach_inTheirOrder() {
    List<String> statuses = IntStream.range(0, 10).mapToObj(i -> "step-" + i).toList();
    for (String status : statuses) {
      OrderEventMessage event = OrderEventMessage.of("order_rb_1", "customer_rb", status, null);
      publisher.publish(event);
      publisher.publish(event); // the order system's retry: the same event id again
    }

    awaitDrained();
    assertThat(contentsOf("customer_rb", "order_rb_1"))
        .containsExactlyElementsOf(
            statuses.stream().map(status -> "Order order_rb_1: " + status + ".").toList());
    assertThat(Emulator.stats().getMessages()).isEqualTo(10);
    assertThat(Emulator.stats().getNotifications()).isEqualTo(10);
    try (BrokerQueues queues = operatorQueues()) {
      // The node's listener: one consumer per session of its instance pool.
      assertThat(queues.consumerCount(EVENTS)).isPositive();
      assertThat(queues.messageCount(DLQ)).isZero();
    }
  }

  @Test
  void aFailureThatMayPass_parksTheEventOnTheBroker_andItsRetryTimerAppliesItInOrder() {
    Emulator.failNext("ChatService/SendMessage", 1, Status.Code.UNAVAILABLE);

    publisher.publish(event("evt-rb-park-1", "order_rb_2", "Created"));
    publisher.publish(event("evt-rb-park-2", "order_rb_2", "Paid"));

    await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(200))
        .until(() -> Emulator.stats().getMessages() == 2);
    awaitDrained();
    assertThat(contentsOf("customer_rb", "order_rb_2"))
        .containsExactly("Order order_rb_2: Created.", "Order order_rb_2: Paid.");
    // The failed attempt, its retry, the second event: tried once each, no retry in place.
    assertThat(Emulator.calls("ChatService/SendMessage")).isEqualTo(3);
  }

  @Test
  void malformedAndRefusedEvents_goToTheBrokersDlqWithTheirReasons_andAnOperatorRedrivesThem()
      throws Exception {
    Emulator.failMatching(
        "ChatService/SendMessage", "evt-rb-refused-1", Status.Code.INVALID_ARGUMENT);

    publisher.publishRaw("order rb 3 has shipped", "order_rb_3");
    publisher.publish(event("evt-rb-refused-1", "order_rb_4", "Created"));
    publisher.publish(event("evt-rb-refused-2", "order_rb_4", "Paid"));
    awaitDrained();

    // An operator reads the DLQ: each copy as it was sent, with its group, cause and event id.
    List<String> dead = new ArrayList<>();
    try (JMSContext operator = context(OPERATOR, OPERATOR_PASSWORD)) {
      Enumeration<?> browsed = operator.createBrowser(operator.createQueue(DLQ)).getEnumeration();
      while (browsed.hasMoreElements()) {
        dead.add(describe((Message) browsed.nextElement()));
      }
    }
    // Orders are consumed side by side; one order's dead letters keep its order.
    assertThat(dead)
        .containsExactlyInAnyOrder(
            "order_rb_3 malformed -",
            "order_rb_4 rejected evt-rb-refused-1",
            "order_rb_4 behind evt-rb-refused-2");
    assertThat(dead.indexOf("order_rb_4 rejected evt-rb-refused-1"))
        .isLessThan(dead.indexOf("order_rb_4 behind evt-rb-refused-2"));

    Emulator.stopFailing("ChatService/SendMessage", "evt-rb-refused-1");
    try (BrokerQueues queues = operatorQueues()) {
      assertThat(queues.moveMessages(DLQ, "orderId='order_rb_4'", EVENTS)).isEqualTo(2);
    }
    awaitDrained();
    assertThat(contentsOf("customer_rb", "order_rb_4"))
        .containsExactly("Order order_rb_4: Created.", "Order order_rb_4: Paid.");
    try (BrokerQueues queues = operatorQueues()) {
      assertThat(queues.messageCount(DLQ)).isEqualTo(1);
      assertThat(queues.count(DLQ, "deadLetterCause='malformed'")).isEqualTo(1);
    }
  }

  @Test
  void theBroker_letsEachRoleDoItsOwnPartOnly() {
    assertThatThrownBy(
            () ->
                OrderEventPublisher.connectToBroker(
                        "localhost", BROKER_PORT, PUBLISHER, "not-the-password")
                    .close())
        .isInstanceOf(JMSSecurityRuntimeException.class);
    assertThatThrownBy(
            () -> OrderEventPublisher.connectToBroker("localhost", BROKER_PORT, null, null).close())
        .isInstanceOf(JMSSecurityRuntimeException.class);
    try (JMSContext orderSystem = context(PUBLISHER, PUBLISHER_PASSWORD)) {
      assertThatThrownBy(
              () -> orderSystem.createConsumer(orderSystem.createQueue(EVENTS)).receiveNoWait())
          .isInstanceOf(JMSRuntimeException.class);
      for (String queue : List.of(PARKED, DLQ)) {
        assertThatThrownBy(
                () -> orderSystem.createProducer().send(orderSystem.createQueue(queue), "smuggled"))
            .isInstanceOf(JMSRuntimeException.class);
        assertThatThrownBy(
                () -> orderSystem.createBrowser(orderSystem.createQueue(queue)).getEnumeration())
            .isInstanceOf(JMSException.class);
      }
      // No queue is created on demand, for anyone.
      assertThatThrownBy(
              () ->
                  orderSystem
                      .createProducer()
                      .send(orderSystem.createQueue("OrderEventsTypo"), "lost event"))
          .isInstanceOf(JMSRuntimeException.class);
    }
    try (JMSContext operator = context(OPERATOR, OPERATOR_PASSWORD)) {
      // An operator reads and redrives dead letters, but takes no live order event.
      assertThatThrownBy(
              () -> operator.createConsumer(operator.createQueue(EVENTS)).receiveNoWait())
          .isInstanceOf(JMSRuntimeException.class);
      assertThatThrownBy(
              () -> operator.createBrowser(operator.createQueue(PARKED)).getEnumeration())
          .isInstanceOf(JMSException.class);
    }
    // Only an operator reads the broker's management.
    assertThatThrownBy(
            () -> BrokerQueues.connect(broker.url(), PUBLISHER, PUBLISHER_PASSWORD).close())
        .isInstanceOf(IllegalStateException.class);
    try (BrokerQueues queues = operatorQueues()) {
      assertThat(queues.messageCount(EVENTS)).isZero();
      assertThat(queues.messageCount(DLQ)).isZero();
    }
  }

  @Test
  void afterTheBrokerIsKilledAndRestarted_theNodeReconnectsByItself_andConsumesAgain() {
    publisher.publish(event("evt-rb-before", "order_rb_5", "Created"));
    await().atMost(Duration.ofSeconds(30)).until(() -> Emulator.stats().getMessages() == 1);
    publisher.close();

    broker.kill();
    broker = BrokerProcess.start(brokerSettings);

    publisher =
        OrderEventPublisher.connectToBroker(
            "localhost", BROKER_PORT, PUBLISHER, PUBLISHER_PASSWORD);
    publisher.publish(event("evt-rb-after", "order_rb_5", "Paid"));
    await()
        .atMost(Duration.ofSeconds(90))
        .pollInterval(Duration.ofMillis(250))
        .until(() -> Emulator.stats().getMessages() == 2);
    awaitDrained();
    assertThat(contentsOf("customer_rb", "order_rb_5"))
        .containsExactly("Order order_rb_5: Created.", "Order order_rb_5: Paid.");
    // The storefront API answered throughout; it needs no broker.
    assertThat(nodeGet("/agents/availability?agent_id=agent_1").status()).isEqualTo(200);
    // The messaging extension followed the lost connection (its XA-recovery listener included,
    // which fails without Artemis' server module: wildfly-config's pom).
    assertThat(node.log("server.log")).content().doesNotContain("AMQ214002");
  }

  // ---- Helpers ----------------------------------------------------------------------------------

  /** Every event consumed and none parked, on the broker (scheduled timers included). */
  private static void awaitDrained() {
    try (BrokerQueues queues = operatorQueues()) {
      await()
          .atMost(Duration.ofSeconds(60))
          .pollInterval(Duration.ofMillis(200))
          .until(() -> queues.messageCount(EVENTS) == 0 && queues.messageCount(PARKED) == 0);
    }
  }

  private static BrokerQueues operatorQueues() {
    return BrokerQueues.connect(broker.url(), OPERATOR, OPERATOR_PASSWORD);
  }

  private static JMSContext context(String user, String password) {
    return new ActiveMQConnectionFactory("tcp://localhost:" + BROKER_PORT, user, password)
        .createContext();
  }

  /** Group, cause and event id of a dead letter, as one line. */
  private static String describe(Message message) throws JMSException {
    String eventId = message.propertyExists("eventId") ? message.getStringProperty("eventId") : "-";
    return message.getStringProperty("JMSXGroupID")
        + " "
        + message.getStringProperty("deadLetterCause")
        + " "
        + eventId;
  }

  private static OrderEventMessage event(String eventId, String orderId, String status) {
    return new OrderEventMessage(
        eventId, orderId, "customer_rb", status, null, null, Instant.now());
  }

  private static List<String> contentsOf(String customer, String order) {
    Storefront.Reply thread =
        nodePost("/support-threads", Storefront.json("customer_id", customer, "order_id", order));
    assertThat(thread.status()).isEqualTo(200);
    return nodeGet("/threads/" + thread.json().getString("thread_id") + "/messages?limit=200")
        .json()
        .getJsonArray("messages")
        .getValuesAs(JsonValue::asJsonObject)
        .stream()
        .map(message -> message.getString("content"))
        .toList();
  }

  private static Storefront.Reply nodeGet(String path) {
    return Storefront.send(nodeRequest(path).GET());
  }

  private static Storefront.Reply nodePost(String path, JsonObject body) {
    return Storefront.send(
        nodeRequest(path)
            .setHeader("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body.toString())));
  }

  /** A request to the remote-broker node's API, as the storefront. */
  private static HttpRequest.Builder nodeRequest(String path) {
    return Storefront.requestTo(URI.create(node.api() + path))
        .setHeader("Accept", "application/json")
        .setHeader("Authorization", "Bearer " + Tokens.storefront());
  }
}
