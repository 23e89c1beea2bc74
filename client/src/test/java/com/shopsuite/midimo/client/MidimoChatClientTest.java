package com.shopsuite.midimo.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.midimo.chat.emulator.v1.FailNextRequest;
import com.midimo.chat.emulator.v1.GetStatsRequest;
import com.midimo.chat.emulator.v1.InjectLatencyRequest;
import com.midimo.chat.emulator.v1.SetJwtKeysRequest;
import com.midimo.chat.emulator.v1.SetOutageRequest;
import com.shopsuite.midimo.chat.ChatMessage;
import com.shopsuite.midimo.chat.ChatThread;
import com.shopsuite.midimo.chat.MessagePage;
import com.shopsuite.midimo.chat.ThreadEvent;
import com.shopsuite.midimo.chat.ThreadEventListener;
import com.shopsuite.midimo.chat.ThreadEventSubscription;
import com.shopsuite.midimo.context.RequestId;
import com.shopsuite.midimo.error.AuthenticationException;
import com.shopsuite.midimo.error.AuthorizationException;
import com.shopsuite.midimo.error.ConflictException;
import com.shopsuite.midimo.error.MidimoChatException;
import com.shopsuite.midimo.error.ResourceNotFoundException;
import com.shopsuite.midimo.error.ServiceTimeoutException;
import com.shopsuite.midimo.error.ServiceUnavailableException;
import com.shopsuite.midimo.error.ValidationException;
import com.shopsuite.midimo.notification.Notification;
import com.shopsuite.midimo.notification.NotificationCategory;
import com.shopsuite.midimo.notification.NotificationPage;
import com.shopsuite.midimo.presence.Presence;
import com.shopsuite.midimo.presence.PresenceStatus;
import io.grpc.Metadata;
import io.grpc.Status;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class MidimoChatClientTest {

  private final EmulatorFixture emulator = new EmulatorFixture();
  private final MidimoChatClient client = emulator.client();

  @AfterEach
  void stop() throws InterruptedException {
    client.close();
    emulator.close();
  }

  private ChatThread thread(String creator, String... others) {
    return client.createThread(creator, "Support", List.of(others), Map.of("source", "e_commerce"));
  }

  @Test
  void createThread_returnsTheThreadWithTheCreatorAsParticipant() {
    ChatThread thread =
        client.createThread(
            "customer_123",
            "Support Thread",
            List.of("support_agent_1"),
            Map.of("source", "e_commerce", "order_id", "order_456"));

    assertThat(thread.id()).isNotBlank();
    assertThat(thread.creatorId()).isEqualTo("customer_123");
    assertThat(thread.participants()).containsExactlyInAnyOrder("customer_123", "support_agent_1");
    assertThat(thread.metadata()).containsEntry("order_id", "order_456");
    assertThat(thread.createdAt()).isNotNull();
  }

  @Test
  void createThread_withTheSameKeyTwice_createsOneThread() {
    ChatThread first = client.createThread("c1", "T", List.of(), Map.of(), "key-1");
    ChatThread second = client.createThread("c1", "T", List.of(), Map.of(), "key-1");

    assertThat(second.id()).isEqualTo(first.id());
    assertThat(emulator.control.getStats(GetStatsRequest.getDefaultInstance()).getThreads())
        .isEqualTo(1);
  }

  @Test
  void createThread_withTheSameKeyAndAnotherPayload_isAConflict() {
    client.createThread("c1", "T", List.of(), Map.of(), "key-1");

    assertThatThrownBy(() -> client.createThread("c1", "Other", List.of(), Map.of(), "key-1"))
        .isInstanceOf(ConflictException.class);
  }

  @Test
  void getThread_ofAnUnknownId_isResourceNotFound() {
    assertThatThrownBy(() -> client.getThread("no-such-thread"))
        .isInstanceOf(ResourceNotFoundException.class);
  }

  @Test
  void findThreads_matchesEveryMetadataPairAndTheParticipant() {
    ChatThread wanted =
        client.createThread("alice", "A", List.of(), Map.of("order_id", "o1", "type", "support"));
    client.createThread("bob", "B", List.of(), Map.of("order_id", "o1", "type", "other"));
    client.createThread("carol", "C", List.of(), Map.of("order_id", "o1", "type", "support"));

    var byMetadata =
        client.findThreads(Map.of("order_id", "o1", "type", "support"), null, 10, null);
    var byBoth = client.findThreads(Map.of("order_id", "o1"), "alice", 10, null);

    assertThat(byMetadata.threads()).hasSize(2);
    assertThat(byBoth.threads()).extracting(ChatThread::id).containsExactly(wanted.id());
    assertThat(byBoth.next()).isEmpty();
  }

  @Test
  void updateThreadMetadata_isACompareAndSet_theLoserGetsFailedPrecondition() {
    ChatThread thread = client.createThread("alice", "A", List.of(), Map.of("queue", "open"));

    ChatThread won =
        client.updateThreadMetadata(
            thread.id(), Map.of("queue", "agent_1"), Map.of("queue", "open"), null);

    assertThat(won.metadata()).containsEntry("queue", "agent_1");
    assertThatThrownBy(
            () ->
                client.updateThreadMetadata(
                    thread.id(), Map.of("queue", "agent_2"), Map.of("queue", "open"), null))
        .isInstanceOf(ValidationException.class)
        .satisfies(
            e ->
                assertThat(((MidimoChatException) e).upstreamStatus())
                    .contains("FAILED_PRECONDITION"));
    assertThat(client.getThread(thread.id()).metadata()).containsEntry("queue", "agent_1");
  }

  @Test
  void sendMessage_withTheSameKeyTwice_postsOnce_andAnswersTheFirstMessage() {
    ChatThread thread = thread("c1");

    ChatMessage first = client.sendMessage(thread.id(), "c1", "hello", List.of(), Map.of(), "k");
    ChatMessage again = client.sendMessage(thread.id(), "c1", "hello", List.of(), Map.of(), "k");

    assertThat(again).isEqualTo(first);
    assertThat(client.getThreadMessages(thread.id(), 50, null).messages()).hasSize(1);
  }

  @Test
  void sendMessage_fromANonParticipant_isAnAuthorizationError() {
    ChatThread thread = thread("c1");

    assertThatThrownBy(() -> client.sendMessage(thread.id(), "stranger", "hi", List.of()))
        .isInstanceOf(AuthorizationException.class);
  }

  @Test
  void sendMessage_withNeitherContentNorAttachments_failsBeforeAnyCall() {
    ChatThread thread = thread("c1");

    assertThatThrownBy(() -> client.sendMessage(thread.id(), "c1", " ", List.of()))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("content");
    assertThatThrownBy(() -> client.sendMessage(thread.id(), "c1", "x".repeat(4001), List.of()))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("4000");
    assertThat(emulator.calls("ChatService/SendMessage")).isZero();
  }

  @Test
  void getThreadMessages_pagesBackwardsThrough120Messages_withoutLossOrRepetition() {
    ChatThread thread = thread("c1");
    for (int i = 0; i < 120; i++) {
      client.sendMessage(thread.id(), "c1", "message " + i, List.of());
    }

    List<String> contents = new ArrayList<>();
    String before = null;
    int pages = 0;
    do {
      MessagePage page = client.getThreadMessages(thread.id(), 50, before);
      List<String> pageContents = page.messages().stream().map(ChatMessage::content).toList();
      contents.addAll(0, pageContents);
      before = page.nextBeforeId().orElse(null);
      pages++;
    } while (before != null);

    assertThat(pages).isEqualTo(3);
    assertThat(contents).hasSize(120);
    for (int i = 0; i < 120; i++) {
      assertThat(contents.get(i)).isEqualTo("message " + i);
    }
  }

  @Test
  void getThreadMessages_withALimitOutOfRange_failsBeforeAnyCall() {
    assertThatThrownBy(() -> client.getThreadMessages("t", 0, null))
        .isInstanceOf(ValidationException.class);
    assertThatThrownBy(() -> client.getThreadMessages("t", 201, null))
        .isInstanceOf(ValidationException.class);
    assertThat(emulator.calls("ChatService/GetThreadMessages")).isZero();
  }

  @Test
  void streamThreadEvents_relaysMessagesAndTyping_untilClosed() {
    ChatThread thread = thread("c1", "agent");
    RecordingListener listener = new RecordingListener();
    ThreadEventSubscription subscription = client.streamThreadEvents(thread.id(), listener);
    await()
        .atMost(Duration.ofSeconds(5))
        .until(
            () ->
                emulator
                        .control
                        .getStats(GetStatsRequest.getDefaultInstance())
                        .getStreamSubscribers()
                    == 1);

    client.sendMessage(thread.id(), "agent", "How can I help?", List.of());
    client.updateTypingStatus(thread.id(), "c1", true);

    await().atMost(Duration.ofSeconds(5)).until(() -> listener.events.size() == 2);
    assertThat(listener.events.get(0))
        .isInstanceOfSatisfying(
            ThreadEvent.MessagePosted.class,
            posted -> assertThat(posted.message().content()).isEqualTo("How can I help?"));
    assertThat(listener.events.get(1))
        .isInstanceOfSatisfying(
            ThreadEvent.TypingChanged.class,
            typing -> {
              assertThat(typing.userId()).isEqualTo("c1");
              assertThat(typing.typing()).isTrue();
              assertThat(typing.expiresAt()).isNotNull();
            });

    subscription.close();
    await()
        .atMost(Duration.ofSeconds(5))
        .until(
            () ->
                emulator
                        .control
                        .getStats(GetStatsRequest.getDefaultInstance())
                        .getStreamSubscribers()
                    == 0);
    assertThat(listener.failures).isEmpty();
  }

  @Test
  void streamThreadEvents_ofAnUnknownThread_endsWithResourceNotFound() {
    RecordingListener listener = new RecordingListener();
    client.streamThreadEvents("no-such-thread", listener);

    await().atMost(Duration.ofSeconds(5)).until(() -> !listener.failures.isEmpty());
    assertThat(listener.failures.get(0)).isInstanceOf(ResourceNotFoundException.class);
  }

  @Test
  void updatePresence_isReadBack_andUnknownUsersAreOffline() {
    Presence set = client.updatePresence("agent_1", PresenceStatus.ONLINE, "Available for chat");

    List<Presence> presences = client.getPresence(List.of("agent_1", "never-seen"));

    assertThat(set.updatedAt()).isNotNull();
    assertThat(presences).extracting(Presence::userId).containsExactly("agent_1", "never-seen");
    assertThat(presences.get(0).status()).isEqualTo(PresenceStatus.ONLINE);
    assertThat(presences.get(0).customStatus()).isEqualTo("Available for chat");
    assertThat(presences.get(1).status()).isEqualTo(PresenceStatus.OFFLINE);
    assertThat(presences.get(1).updatedAt()).isNull();
  }

  @Test
  void notifications_areSentOnce_listedNewestFirst_andMarkedRead() {
    Notification first =
        client.sendNotification(
            "c1",
            "Order o1: Shipped",
            "On its way",
            NotificationCategory.ORDER_UPDATE,
            Map.of("order_id", "o1"),
            "event-1");
    Notification replay =
        client.sendNotification(
            "c1",
            "Order o1: Shipped",
            "On its way",
            NotificationCategory.ORDER_UPDATE,
            Map.of("order_id", "o1"),
            "event-1");
    Notification second =
        client.sendNotification(
            "c1",
            "Order o1: Delivered",
            "Enjoy",
            NotificationCategory.ORDER_UPDATE,
            Map.of(),
            "event-2");

    client.markNotificationRead("c1", first.id());
    NotificationPage all = client.listNotifications("c1", false, 10, null);
    NotificationPage unread = client.listNotifications("c1", true, 10, null);

    assertThat(replay.id()).isEqualTo(first.id());
    assertThat(all.notifications())
        .extracting(Notification::id)
        .containsExactly(second.id(), first.id());
    assertThat(unread.notifications()).extracting(Notification::id).containsExactly(second.id());
    assertThat(all.notifications().get(1).read()).isTrue();
    assertThat(all.notifications().get(1).readAt()).isNotNull();
  }

  @Test
  void everyCall_hasADeadline_soASlowServiceIsATimeout() {
    emulator.control.injectLatency(
        InjectLatencyRequest.newBuilder()
            .setMethod("midimo.chat.v1.ChatService/GetThread")
            .setLatencyMillis(3_000)
            .build());

    long started = System.nanoTime();
    assertThatThrownBy(() -> client.getThread("t"))
        .isInstanceOf(ServiceTimeoutException.class)
        .satisfies(e -> assertThat(((MidimoChatException) e).isRetryable()).isTrue());
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
  }

  @Test
  void anOutage_isServiceUnavailable_andTheHealthCheckSaysNotServing() {
    emulator.control.setOutage(SetOutageRequest.newBuilder().setEnabled(true).build());

    assertThatThrownBy(() -> client.getThread("t")).isInstanceOf(ServiceUnavailableException.class);
    assertThat(client.checkHealth(Duration.ofSeconds(1)).serving()).isFalse();

    emulator.control.setOutage(SetOutageRequest.newBuilder().setEnabled(false).build());
    assertThat(client.checkHealth(Duration.ofSeconds(1)))
        .isEqualTo(new ServiceHealth(true, "SERVING"));
  }

  @Test
  void aRejectedToken_isReMintedOnce_andTheCallSucceeds() {
    ChatThread thread = thread("c1");
    emulator.control.failNext(
        FailNextRequest.newBuilder()
            .setMethod("midimo.chat.v1.ChatService/GetThread")
            .setCount(1)
            .setStatusCode(Status.Code.UNAUTHENTICATED.value())
            .build());

    assertThat(client.getThread(thread.id()).id()).isEqualTo(thread.id());
    assertThat(emulator.calls("ChatService/GetThread")).isEqualTo(2);
  }

  @Test
  void aWrongSecret_isAnAuthenticationError_afterExactlyOneReMint() {
    try (MidimoChatClient wrong =
        emulator.client(
            EmulatorFixture.settings("not-the-secret-midimo-chat-knows-0123456789"),
            CallObserver.NONE)) {
      assertThatThrownBy(() -> wrong.getThread("t"))
          .isInstanceOf(AuthenticationException.class)
          .hasMessageContaining("invalid signature")
          .hasMessageNotContaining("not-the-secret");
    }
    assertThat(emulator.calls("ChatService/GetThread")).isEqualTo(2);
  }

  @Test
  void aRotatedSecretAndKeyId_areReadAgainOnRejection_withoutANewClient() {
    AtomicReference<JwtSettings> configured =
        new AtomicReference<>(EmulatorFixture.settings(EmulatorFixture.SECRET).jwt());
    try (MidimoChatClient rotating =
        MidimoChatClient.over(
            emulator.pool,
            EmulatorFixture.settings(EmulatorFixture.SECRET),
            configured::get,
            CallObserver.NONE)) {
      ChatThread thread = rotating.createThread("c1", "Support", List.of(), Map.of());

      String rotated = "the-rotated-secret-of-midimo-chat-0123456789";
      emulator.control.setJwtKeys(
          SetJwtKeysRequest.newBuilder()
              .putKeys("secondary", rotated)
              .setPrimaryKeyId("secondary")
              .build());
      configured.set(new JwtSettings(rotated, "e-commerce", "secondary", Duration.ofMinutes(5)));

      assertThat(rotating.getThread(thread.id()).id()).isEqualTo(thread.id());
      assertThat(emulator.calls("ChatService/GetThread")).isEqualTo(2);
      String lastToken =
          emulator.receivedHeaders.stream()
              .map(headers -> headers.get(JwtCallCredentials.AUTHORIZATION))
              .filter(java.util.Objects::nonNull)
              .reduce((first, second) -> second)
              .orElseThrow();
      assertThat(lastToken).startsWith("Bearer ");
      assertThat(JwtKeyIdOf.token(lastToken.substring(7))).isEqualTo("secondary");
    }
  }

  @Test
  void aStreamRejectedForItsToken_makesTheNextStreamCarryTheRotatedOne() {
    AtomicReference<JwtSettings> configured =
        new AtomicReference<>(EmulatorFixture.settings(EmulatorFixture.SECRET).jwt());
    try (MidimoChatClient rotating =
        MidimoChatClient.over(
            emulator.pool,
            EmulatorFixture.settings(EmulatorFixture.SECRET),
            configured::get,
            CallObserver.NONE)) {
      ChatThread thread = rotating.createThread("c1", "Support", List.of("agent"), Map.of());
      String rotated = "the-rotated-secret-of-midimo-chat-0123456789";
      emulator.control.setJwtKeys(
          SetJwtKeysRequest.newBuilder()
              .putKeys("secondary", rotated)
              .setPrimaryKeyId("secondary")
              .build());
      configured.set(new JwtSettings(rotated, "e-commerce", "secondary", Duration.ofMinutes(5)));

      RecordingListener refused = new RecordingListener();
      rotating.streamThreadEvents(thread.id(), refused);
      await().atMost(Duration.ofSeconds(5)).until(() -> !refused.failures.isEmpty());
      assertThat(refused.failures.get(0)).isInstanceOf(AuthenticationException.class);

      RecordingListener accepted = new RecordingListener();
      ThreadEventSubscription subscription = rotating.streamThreadEvents(thread.id(), accepted);
      await()
          .atMost(Duration.ofSeconds(5))
          .until(
              () ->
                  emulator
                          .control
                          .getStats(GetStatsRequest.getDefaultInstance())
                          .getStreamSubscribers()
                      == 1);
      rotating.sendMessage(thread.id(), "agent", "after the rotation", List.of());
      await().atMost(Duration.ofSeconds(5)).until(() -> accepted.events.size() == 1);
      assertThat(accepted.failures).isEmpty();
      subscription.close();
    }
  }

  /** The {@code kid} of a compact JWT. */
  private static final class JwtKeyIdOf {
    static String token(String jwt) {
      try {
        return com.nimbusds.jwt.SignedJWT.parse(jwt).getHeader().getKeyID();
      } catch (java.text.ParseException e) {
        throw new AssertionError(e);
      }
    }
  }

  @Test
  void everyCall_sendsTheBoundRequestIdAndABearerToken() {
    try (RequestId.Scope scope = RequestId.bind("req-42")) {
      client.getPresence(List.of("u1"));
    }

    Metadata headers = emulator.receivedHeaders.peek();
    assertThat(headers.get(RequestIdInterceptor.X_REQUEST_ID)).isEqualTo("req-42");
    assertThat(headers.get(JwtCallCredentials.AUTHORIZATION)).startsWith("Bearer ey");
  }

  @Test
  void everyCall_isLoggedOnOneLine_withItsIds_andNeverTheToken() {
    List<LogRecord> records = new CopyOnWriteArrayList<>();
    Handler handler = recordingHandler(records);
    Logger log = Logger.getLogger(CallLogInterceptor.CATEGORY);
    log.addHandler(handler);
    try (RequestId.Scope scope = RequestId.bind("req-7")) {
      ChatThread thread = thread("c1");
      client.sendMessage(thread.id(), "c1", "hi", List.of(), Map.of(), "idem-7");
      assertThatThrownBy(() -> client.getThread("missing"))
          .isInstanceOf(ResourceNotFoundException.class);
    } finally {
      log.removeHandler(handler);
    }

    assertThat(records).hasSize(3);
    assertThat(records.get(1).getMessage())
        .matches(
            "rpc=ChatService/SendMessage request_id=req-7 idempotency_key=idem-7 status=OK"
                + " duration_ms=\\d+\\.\\d{3}");
    assertThat(records.get(2).getMessage())
        .startsWith("rpc=ChatService/GetThread request_id=req-7 status=NOT_FOUND")
        .contains("error=\"");
    records.forEach(
        record ->
            assertThat(record.getMessage())
                .doesNotContain("eyJ")
                .doesNotContain("Bearer")
                .doesNotContain("\n"));
  }

  @Test
  void aNewlineInAnIdempotencyKey_cannotForgeALogLine() {
    List<LogRecord> records = new CopyOnWriteArrayList<>();
    Handler handler = recordingHandler(records);
    Logger log = Logger.getLogger(CallLogInterceptor.CATEGORY);
    ChatThread thread = thread("c1");
    log.addHandler(handler);
    try {
      client.sendMessage(
          thread.id(), "c1", "hi", List.of(), Map.of(), "k\n2026-12-07 INFO rpc=forged\u2028x");
    } finally {
      log.removeHandler(handler);
    }

    assertThat(records).hasSize(1);
    assertThat(records.get(0).getMessage())
        .contains("idempotency_key=k\\n2026-12-07 INFO rpc=forged\\u2028x status=OK")
        .doesNotContain("\n")
        .doesNotContain("\u2028");
  }

  @Test
  void theCallObserver_seesEveryCallWithItsStatus() {
    List<String> seen = new CopyOnWriteArrayList<>();
    try (MidimoChatClient observed =
        emulator.client(
            EmulatorFixture.settings(EmulatorFixture.SECRET),
            (rpc, status, nanos) -> seen.add(rpc + " " + status))) {
      observed.getPresence(List.of("u1"));
      assertThatThrownBy(() -> observed.getThread("missing"))
          .isInstanceOf(ResourceNotFoundException.class);
    }

    assertThat(seen)
        .containsExactly("PresenceService/GetPresence OK", "ChatService/GetThread NOT_FOUND");
  }

  @Test
  void generatedIdempotencyKeys_differFromCallToCall() {
    ChatThread thread = thread("c1");
    Set<String> ids = new HashSet<>();
    for (int i = 0; i < 3; i++) {
      ids.add(client.sendMessage(thread.id(), "c1", "same text", List.of()).id());
    }
    assertThat(ids).hasSize(3);
  }

  private static Handler recordingHandler(List<LogRecord> records) {
    return new Handler() {
      @Override
      public void publish(LogRecord record) {
        records.add(record);
      }

      @Override
      public void flush() {}

      @Override
      public void close() {}
    };
  }

  private static final class RecordingListener implements ThreadEventListener {
    final List<ThreadEvent> events = new CopyOnWriteArrayList<>();
    final List<MidimoChatException> failures = new CopyOnWriteArrayList<>();

    @Override
    public void onEvent(ThreadEvent event) {
      events.add(event);
    }

    @Override
    public void onError(MidimoChatException failure) {
      failures.add(failure);
    }

    @Override
    public void onCompleted() {}
  }
}
