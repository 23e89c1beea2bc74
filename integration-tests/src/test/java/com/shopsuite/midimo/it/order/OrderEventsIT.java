package com.shopsuite.midimo.it.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.shopsuite.midimo.it.Deployments;
import com.shopsuite.midimo.it.Emulator;
import com.shopsuite.midimo.it.Management;
import com.shopsuite.midimo.it.RunningSystem;
import com.shopsuite.midimo.it.rest.Storefront;
import com.shopsuite.orders.OrderEventMessage;
import com.shopsuite.orders.OrderEventPublisher;
import io.grpc.Status;
import jakarta.jms.JMSRuntimeException;
import jakarta.jms.JMSSecurityRuntimeException;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.as.arquillian.container.ManagementClient;
import org.jboss.dmr.ModelNode;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Order events from the order system, published from this JVM as a remote producer would (the
 * Artemis client over WildFly's HTTP port, logged in as order-publisher), applied by the deployed
 * consumer to the running emulator: exactly once, in order, nothing lost.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class OrderEventsIT {

  private static final String QUEUE = "OrderEvents";
  private static final String DLQ = "OrderEventsDLQ";
  private static final String PARKED = "OrderEventsParked";
  private static final int HTTP_PORT = 8080 + Integer.getInteger("wildfly.port-offset", 0);

  @Deployment(testable = false)
  static EnterpriseArchive deployment() {
    return Deployments.application();
  }

  @ArquillianResource ManagementClient management;

  private OrderEventPublisher publisher;

  @BeforeEach
  void emptyQueuesAndMidimoChat() {
    Emulator.reset();
    Management.clearQueue(management.getControllerClient(), DLQ);
    Management.clearQueue(management.getControllerClient(), PARKED);
    publisher =
        OrderEventPublisher.connect(
            "localhost",
            HTTP_PORT,
            RunningSystem.ORDER_PUBLISHER,
            RunningSystem.orderPublisherPassword());
  }

  @AfterEach
  void closePublisher() {
    Emulator.clearFaults();
    publisher.close();
  }

  @Test
  void anOrderEvent_becomesAMessageInTheOrdersThread_andANotification() {
    OrderEventMessage event =
        OrderEventMessage.of(
                "order_456", "customer_123", "Delivered", "Your order was delivered successfully!")
            .withProduct("product_789");

    publisher.publish(event);
    awaitDrained();

    JsonObject message = messagesOf(threadOf("customer_123", "order_456")).get(0);
    assertThat(message.getString("user_id")).isEqualTo("ecommerce-system");
    assertThat(message.getString("content"))
        .isEqualTo("Order order_456: Delivered. Your order was delivered successfully!");
    assertThat(message.getJsonObject("metadata").getString("type")).isEqualTo("order_update");
    JsonObject notification = notificationsOf("customer_123").get(0);
    assertThat(notification.getString("category")).isEqualTo("ORDER_UPDATE");
    assertThat(notification.getString("title")).isEqualTo("Order order_456: Delivered");
    assertThat(notification.getJsonObject("data").getString("status")).isEqualTo("Delivered");
  }

  @Test
  void theSameEventTwice_givesOneMessageAndOneNotification() {
    OrderEventMessage event =
        OrderEventMessage.of("order_1", "customer_1", "Shipped", "On its way");
    long appliedBefore = appliedEvents();

    publisher.publish(event);
    publisher.publish(event);
    awaitDrained();

    assertThat(Emulator.stats().getMessages()).isEqualTo(1);
    assertThat(Emulator.stats().getNotifications()).isEqualTo(1);
    // Both deliveries were applied (not dead-lettered): the second found what the first made.
    assertThat(appliedEvents()).isEqualTo(appliedBefore + 2);
  }

  @Test
  void anOrderWhoseThreadMidimoChatNoLongerHas_getsItsThreadAgain_andTheEventIsApplied() {
    publisher.publish(OrderEventMessage.of("order_gone", "customer_gone", "Packed", null));
    awaitDrained();
    // Midimo Chat forgets everything, the thread this node remembers for the order included.
    Emulator.reset();

    publisher.publish(OrderEventMessage.of("order_gone", "customer_gone", "Shipped", null));
    awaitDrained();

    assertThat(messagesOf(threadOf("customer_gone", "order_gone")))
        .extracting(message -> message.getString("content"))
        .containsExactly("Order order_gone: Shipped.");
    assertThat(Management.queueDepth(management.getControllerClient(), DLQ)).isZero();
  }

  @Test
  void fiftyStatusEventsForOneOrder_arriveInTheOrderTheyWerePublished() {
    List<String> statuses = IntStream.range(0, 50).mapToObj(i -> "step-%02d".formatted(i)).toList();

    statuses.forEach(
        status ->
            publisher.publish(OrderEventMessage.of("order_seq", "customer_seq", status, null)));
    awaitDrained();

    List<String> contents =
        messagesOf(threadOf("customer_seq", "order_seq")).stream()
            .map(message -> message.getString("content"))
            .toList();
    assertThat(contents)
        .containsExactlyElementsOf(
            statuses.stream().map(status -> "Order order_seq: " + status + ".").toList());
  }

  @Test
  void eventsFor20OrdersAtOnce_createEachOrdersThreadExactlyOnce() throws Exception {
    ExecutorService producers = Executors.newFixedThreadPool(20);
    try {
      List<Future<?>> sent = new ArrayList<>();
      for (int order = 0; order < 20; order++) {
        String orderId = "order_par_" + order;
        sent.add(
            producers.submit(
                () -> {
                  try (OrderEventPublisher own =
                      OrderEventPublisher.connect(
                          "localhost",
                          HTTP_PORT,
                          RunningSystem.ORDER_PUBLISHER,
                          RunningSystem.orderPublisherPassword())) {
                    for (String status : List.of("Paid", "Packed", "Shipped")) {
                      own.publish(OrderEventMessage.of(orderId, "customer_par", status, null));
                    }
                  }
                }));
      }
      for (Future<?> future : sent) {
        future.get();
      }
    } finally {
      producers.shutdownNow();
    }
    awaitDrained();

    assertThat(Emulator.stats().getThreads()).isEqualTo(20);
    assertThat(Emulator.stats().getMessages()).isEqualTo(60);
    assertThat(Emulator.stats().getNotifications()).isEqualTo(60);
  }

  @Test
  void aMalformedEvent_goesToTheDeadLetterQueueAtOnce_withItsReason_andBlocksNothing() {
    long deadLetteredBefore = deadLettered("malformed");

    publisher.publishRaw("order 777 has shipped", "order_777");
    publisher.publishRaw("{\"event_id\":\"evt-no-order\",\"status\":\"Paid\"}", "order_777");
    publisher.publish(OrderEventMessage.of("order_777", "customer_777", "Shipped", null));
    awaitDrained();

    List<ModelNode> dead = Management.queueMessages(management.getControllerClient(), DLQ);
    assertThat(dead).hasSize(2);
    assertThat(dead)
        .extracting(message -> message.get("deadLetterReason").asString())
        .anySatisfy(reason -> assertThat(reason).startsWith("malformed: not a JSON order event"))
        .anySatisfy(
            reason ->
                assertThat(reason)
                    .contains("customer_id: must not be blank")
                    .contains("order_id: must not be blank"));
    assertThat(dead)
        .allSatisfy(
            message -> {
              assertThat(message.get("deadLetterCause").asString()).isEqualTo("malformed");
              // The message group, as the management model names JMSXGroupID.
              assertThat(message.get("_AMQ_GROUP_ID").asString()).isEqualTo("order_777");
            });
    // Malformed events have no usable order: order_777's own event was not held behind them.
    assertThat(messagesOf(threadOf("customer_777", "order_777"))).hasSize(1);
    assertThat(deadLettered("malformed")).isEqualTo(deadLetteredBefore + 2);
  }

  @Test
  void eachAnswerOfMidimoChat_isRetriedWhenItMayPass_andDeadLetteredWhenItIsDefinitive() {
    List<Status.Code> mayPass =
        List.of(
            Status.Code.UNAVAILABLE,
            Status.Code.DEADLINE_EXCEEDED,
            Status.Code.RESOURCE_EXHAUSTED,
            Status.Code.ABORTED,
            Status.Code.INTERNAL,
            Status.Code.UNKNOWN,
            Status.Code.CANCELLED,
            Status.Code.UNAUTHENTICATED);
    List<Status.Code> definitive =
        List.of(
            Status.Code.INVALID_ARGUMENT,
            Status.Code.PERMISSION_DENIED,
            Status.Code.FAILED_PRECONDITION,
            Status.Code.UNIMPLEMENTED);
    List<Status.Code> all = new ArrayList<>(mayPass);
    all.addAll(definitive);
    for (Status.Code code : all) {
      Emulator.failMatching("ChatService/SendMessage", "evt-code-" + code + "-", code);
      publisher.publish(event("evt-code-" + code + "-1", "order_code_" + code, "Created"));
    }

    // Every event tried once: the definitive ones in the DLQ, the others parked for a retry.
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> depth(DLQ) == definitive.size() && depth(PARKED) == mayPass.size());
    assertThat(Management.queueMessages(management.getControllerClient(), DLQ))
        .extracting(message -> message.get("orderId").asString())
        .containsExactlyInAnyOrderElementsOf(
            definitive.stream().map(code -> "order_code_" + code).toList());
    assertThat(Management.queueMessages(management.getControllerClient(), DLQ))
        .allSatisfy(
            message -> assertThat(message.get("deadLetterCause").asString()).isEqualTo("rejected"));

    all.forEach(code -> Emulator.stopFailing("ChatService/SendMessage", "evt-code-" + code + "-"));
    awaitDrained();
    assertThat(Emulator.stats().getMessages()).isEqualTo(mayPass.size());
    assertThat(depth(DLQ)).isEqualTo(definitive.size());
  }

  @Test
  void anInternalErrorOnAnOrdersFirstEvent_keepsItsNextEventBehindIt_thenBothApplyInOrder() {
    Emulator.failNext("ChatService/SendMessage", 1, Status.Code.INTERNAL);
    long retriedBefore = retriedEvents();

    publisher.publish(event("evt-internal-1", "order_int", "Created"));
    publisher.publish(event("evt-internal-2", "order_int", "Paid"));
    awaitDrained();

    assertThat(contentsOf("customer_evt", "order_int"))
        .containsExactly("Order order_int: Created.", "Order order_int: Paid.");
    assertThat(retriedEvents()).isEqualTo(retriedBefore + 1);
    assertThat(depth(DLQ)).isZero();
  }

  @Test
  void anUnavailableAnswer_isNotRetriedInsideTheDelivery_butByTheOrdersLaneLater() {
    // The storefront's calls retry UNAVAILABLE in place (FaultToleranceIT); an order event's must
    // not, or its JMS session (and every order group pinned to it) would wait through the retries.
    Emulator.failNext("ChatService/SendMessage", 1, Status.Code.UNAVAILABLE);
    long retriedBefore = retriedEvents();

    publisher.publish(event("evt-unavailable-1", "order_unav", "Created"));
    awaitDrained();

    assertThat(contentsOf("customer_evt", "order_unav"))
        .containsExactly("Order order_unav: Created.");
    assertThat(retriedEvents()).as("retried by the lane").isEqualTo(retriedBefore + 1);
    assertThat(Emulator.calls("ChatService/SendMessage")).isEqualTo(2);
  }

  @Test
  void aDeadLetteredEvent_takesItsOrdersLaterEventsBehindIt_andARedriveAppliesThemInOrder() {
    Emulator.failMatching("ChatService/SendMessage", "evt-refused-1", Status.Code.INVALID_ARGUMENT);

    publisher.publish(event("evt-refused-1", "order_ref", "Created"));
    publisher.publish(event("evt-refused-2", "order_ref", "Paid"));
    publisher.publish(event("evt-refused-3", "order_ref", "Shipped"));
    publisher.publish(event("evt-other-1", "order_other", "Created"));
    awaitDrained();

    List<ModelNode> dead = Management.queueMessages(management.getControllerClient(), DLQ);
    assertThat(dead)
        .extracting(
            message ->
                message.get("eventId").asString() + " " + message.get("deadLetterCause").asString())
        .containsExactly("evt-refused-1 rejected", "evt-refused-2 behind", "evt-refused-3 behind");
    assertThat(dead.get(1).get("blockedBy").asString()).isEqualTo("evt-refused-1");
    assertThat(contentsOf("customer_evt", "order_other"))
        .containsExactly("Order order_other: Created.");

    // While it is blocked, a new event of the order follows the others into the DLQ.
    publisher.publish(event("evt-refused-4", "order_ref", "Delivered"));
    await().atMost(Duration.ofSeconds(30)).until(() -> depth(DLQ) == 4);

    Emulator.stopFailing("ChatService/SendMessage", "evt-refused-1");
    assertThat(
            Management.moveMessages(
                management.getControllerClient(), DLQ, "orderId='order_ref'", QUEUE))
        .isEqualTo(4);
    awaitDrained();

    assertThat(contentsOf("customer_evt", "order_ref"))
        .containsExactly(
            "Order order_ref: Created.",
            "Order order_ref: Paid.",
            "Order order_ref: Shipped.",
            "Order order_ref: Delivered.");
    assertThat(depth(DLQ)).isZero();
  }

  @Test
  void anOrderStuckOnFailures_holdsOnlyItsOwnEvents_whileEveryOtherOrderFlows() {
    Emulator.failMatching("ChatService/SendMessage", "evt-stuck-", Status.Code.UNAVAILABLE);
    for (int i = 1; i <= 5; i++) {
      publisher.publish(event("evt-stuck-" + i, "order_stuck", "step-" + i));
    }
    for (int i = 0; i < 200; i++) {
      publisher.publish(event("evt-flow-" + i, "order_flow_" + (i % 20), "step-" + (i / 20)));
    }

    // All 200 of the other orders' events applied while the stuck order's 5 wait, parked.
    await().atMost(Duration.ofSeconds(60)).until(() -> Emulator.stats().getMessages() == 200);
    assertThat(depth(PARKED)).isEqualTo(5);
    assertThat(depth(DLQ)).isZero();
    assertThat(contentsOf("customer_evt", "order_flow_7"))
        .containsExactlyElementsOf(
            IntStream.range(0, 10).mapToObj(i -> "Order order_flow_7: step-" + i + ".").toList());

    Emulator.stopFailing("ChatService/SendMessage", "evt-stuck-");
    awaitDrained();
    assertThat(contentsOf("customer_evt", "order_stuck"))
        .containsExactlyElementsOf(
            IntStream.rangeClosed(1, 5)
                .mapToObj(i -> "Order order_stuck: step-" + i + ".")
                .toList());
  }

  @Test
  void aMidimoChatOutage_holds500Events_thenEveryOneIsAppliedExactlyOnce_inOrder() {
    Emulator.outage(true);
    long retriedBefore = retriedEvents();
    for (int i = 0; i < 500; i++) {
      publisher.publish(
          OrderEventMessage.of("order_out_" + (i % 25), "customer_out", "step-" + (i / 25), null));
    }

    // Held: each order's first event failed and waits for a retry, the rest parked behind it;
    // nothing reaches Midimo Chat, nothing is given up.
    await().atMost(Duration.ofSeconds(60)).until(() -> depth(PARKED) == 500);
    assertThat(retriedEvents()).isGreaterThanOrEqualTo(retriedBefore + 25);
    assertThat(Emulator.stats().getMessages()).isZero();
    assertThat(depth(DLQ)).isZero();

    Emulator.outage(false);

    await()
        .atMost(Duration.ofMinutes(2))
        .pollInterval(Duration.ofMillis(500))
        .until(() -> depth(QUEUE) == 0 && depth(PARKED) == 0);
    assertThat(Emulator.stats().getMessages()).isEqualTo(500);
    assertThat(Emulator.stats().getNotifications()).isEqualTo(500);
    assertThat(Emulator.stats().getThreads()).isEqualTo(25);
    assertThat(depth(DLQ)).isZero();
    assertThat(contentsOf("customer_out", "order_out_3"))
        .containsExactlyElementsOf(
            IntStream.range(0, 20).mapToObj(i -> "Order order_out_3: step-" + i + ".").toList());
  }

  @Test
  void producersWithoutValidCredentials_areRefused() {
    assertThatThrownBy(
            () -> OrderEventPublisher.connect("localhost", HTTP_PORT, null, null).close())
        .isInstanceOf(JMSSecurityRuntimeException.class);
    assertThatThrownBy(
            () ->
                OrderEventPublisher.connect(
                        "localhost", HTTP_PORT, RunningSystem.ORDER_PUBLISHER, "not-the-password")
                    .close())
        .isInstanceOf(JMSSecurityRuntimeException.class);
  }

  @Test
  void theOrderPublisher_maySendToOrderEvents_andNothingElse() {
    try (var context =
        new org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory(
                "tcp://localhost:%d?httpUpgradeEnabled=true&httpUpgradeEndpoint=http-acceptor&enable1xPrefixes=true"
                    .formatted(HTTP_PORT),
                RunningSystem.ORDER_PUBLISHER,
                RunningSystem.orderPublisherPassword())
            .createContext()) {
      assertThatThrownBy(() -> context.createConsumer(context.createQueue(QUEUE)).receiveNoWait())
          .isInstanceOf(JMSRuntimeException.class);
      assertThatThrownBy(
              () -> context.createProducer().send(context.createQueue(DLQ), "smuggled event"))
          .isInstanceOf(JMSRuntimeException.class);
    }
    assertThat(depth(DLQ)).isZero();
  }

  @Test
  void anApplicationUserInGroupGuest_canNeitherForgeNorStealOrderEvents() {
    try (var context =
        new org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory(
                "tcp://localhost:%d?httpUpgradeEnabled=true&httpUpgradeEndpoint=http-acceptor&enable1xPrefixes=true"
                    .formatted(HTTP_PORT),
                RunningSystem.OUTSIDER,
                RunningSystem.outsiderPassword())
            .createContext()) {
      assertThatThrownBy(
              () -> context.createProducer().send(context.createQueue(QUEUE), "forged event"))
          .isInstanceOf(JMSRuntimeException.class);
      assertThatThrownBy(() -> context.createConsumer(context.createQueue(QUEUE)).receiveNoWait())
          .isInstanceOf(JMSRuntimeException.class);
      assertThatThrownBy(() -> context.createConsumer(context.createQueue(DLQ)).receiveNoWait())
          .isInstanceOf(JMSRuntimeException.class);
      assertThatThrownBy(() -> context.createBrowser(context.createQueue(DLQ)).getEnumeration())
          .isInstanceOf(jakarta.jms.JMSSecurityException.class);
    }
    assertThat(depth(QUEUE)).isZero();
  }

  // ---- Helpers ----------------------------------------------------------------------------------

  /** Every event consumed and none parked: applied, or dead-lettered. */
  private void awaitDrained() {
    await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(200))
        .until(() -> depth(QUEUE) == 0 && depth(PARKED) == 0);
  }

  /** An event of customer_evt with a chosen id (the emulator's faults match on it). */
  private static OrderEventMessage event(String eventId, String orderId, String status) {
    return new OrderEventMessage(
        eventId, orderId, "customer_evt", status, null, null, java.time.Instant.now());
  }

  private static List<String> contentsOf(String customer, String order) {
    return messagesOf(threadOf(customer, order)).stream()
        .map(message -> message.getString("content"))
        .toList();
  }

  private long depth(String queue) {
    return Management.queueDepth(management.getControllerClient(), queue);
  }

  /** The order's support thread, found through the storefront API (200: it already exists). */
  private static String threadOf(String customer, String order) {
    Storefront.Reply reply =
        Storefront.post(
            "/support-threads", Storefront.json("customer_id", customer, "order_id", order));
    assertThat(reply.status()).isEqualTo(200);
    return reply.json().getString("thread_id");
  }

  private static List<JsonObject> messagesOf(String threadId) {
    return Storefront.get("/threads/" + threadId + "/messages?limit=200")
        .json()
        .getJsonArray("messages")
        .getValuesAs(JsonValue::asJsonObject);
  }

  private static List<JsonObject> notificationsOf(String userId) {
    return Storefront.get("/users/" + userId + "/notifications?page_size=200")
        .json()
        .getJsonArray("notifications")
        .getValuesAs(JsonValue::asJsonObject);
  }

  private static long appliedEvents() {
    return counter("midimo_order_events_total", "outcome=\"applied\"");
  }

  private static long retriedEvents() {
    return counter("midimo_order_events_total", "outcome=\"retried\"");
  }

  private static long deadLettered(String cause) {
    return counter("midimo_order_events_dead_lettered_total", "cause=\"" + cause + "\"");
  }

  /** A counter's value from the server's Prometheus metrics; 0 while it does not exist yet. */
  private static long counter(String name, String label) {
    String metrics = Management.get("/metrics").body();
    Matcher value =
        Pattern.compile(
                Pattern.quote(name) + "\\{[^}]*" + Pattern.quote(label) + "[^}]*\\} ([0-9.E]+)")
            .matcher(metrics);
    return value.find() ? (long) Double.parseDouble(value.group(1)) : 0;
  }
}
