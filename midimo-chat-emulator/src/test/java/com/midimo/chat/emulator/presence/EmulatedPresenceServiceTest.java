package com.midimo.chat.emulator.presence;

import static com.midimo.chat.emulator.GrpcAssertions.assertFails;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.google.protobuf.Timestamp;
import com.midimo.chat.emulator.InProcessEmulator;
import com.midimo.chat.emulator.ThreadEventCollector;
import com.midimo.chat.emulator.v1.GetStatsRequest;
import com.midimo.chat.v1.CreateThreadRequest;
import com.midimo.chat.v1.GetPresenceRequest;
import com.midimo.chat.v1.Presence;
import com.midimo.chat.v1.PresenceServiceGrpc.PresenceServiceBlockingStub;
import com.midimo.chat.v1.PresenceStatus;
import com.midimo.chat.v1.SendMessageRequest;
import com.midimo.chat.v1.StreamThreadEventsRequest;
import com.midimo.chat.v1.Thread;
import com.midimo.chat.v1.ThreadEvent;
import com.midimo.chat.v1.TypingChanged;
import com.midimo.chat.v1.TypingStatus;
import com.midimo.chat.v1.UpdatePresenceRequest;
import com.midimo.chat.v1.UpdateTypingStatusRequest;
import io.grpc.Status.Code;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class EmulatedPresenceServiceTest {
  private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");
  private static final Clock FROZEN = Clock.fixed(NOW, ZoneOffset.UTC);
  private static final Duration TYPING_TIMEOUT = Duration.ofMillis(300);

  private InProcessEmulator emulator =
      InProcessEmulator.start(config -> config.clock(FROZEN).typingTimeout(TYPING_TIMEOUT));
  private PresenceServiceBlockingStub presence = emulator.presence();

  @AfterEach
  void stopEmulator() throws InterruptedException {
    emulator.close();
  }

  @Test
  void updatePresence_returnsThePresenceWithUpdatedAt() {
    Presence set =
        presence.updatePresence(
            UpdatePresenceRequest.newBuilder()
                .setUserId("support_1")
                .setStatus(PresenceStatus.ONLINE)
                .setCustomStatus("Available for chat")
                .build());

    assertThat(set.getUserId()).isEqualTo("support_1");
    assertThat(set.getStatus()).isEqualTo(PresenceStatus.ONLINE);
    assertThat(set.getCustomStatus()).isEqualTo("Available for chat");
    assertThat(set.getUpdatedAt()).isEqualTo(timestamp(NOW));
  }

  @Test
  void updatePresence_replayedRequestIdReturnsTheFirstResultAndIsNotAppliedAgain() {
    UpdatePresenceRequest online = update("u1", PresenceStatus.ONLINE).setRequestId("p-1").build();
    Presence first = presence.updatePresence(online);
    presence.updatePresence(update("u1", PresenceStatus.AWAY).setRequestId("p-2").build());

    Presence replayed = presence.updatePresence(online);

    assertThat(replayed).isEqualTo(first);
    assertThat(get("u1").get(0).getStatus()).isEqualTo(PresenceStatus.AWAY);
    assertFails(
        () ->
            presence.updatePresence(update("u1", PresenceStatus.BUSY).setRequestId("p-1").build()),
        Code.ALREADY_EXISTS,
        "different payload");
  }

  @Test
  void updatePresence_rejectsAMissingStatusOrALongCustomStatus() {
    assertFails(
        () ->
            presence.updatePresence(
                update("u1", PresenceStatus.PRESENCE_STATUS_UNSPECIFIED).build()),
        Code.INVALID_ARGUMENT,
        "status is required");
    assertFails(
        () ->
            presence.updatePresence(
                update("u1", PresenceStatus.ONLINE).setCustomStatus("x".repeat(201)).build()),
        Code.INVALID_ARGUMENT,
        "custom_status exceeds 200 characters");
    assertFails(
        () -> presence.updatePresence(update("", PresenceStatus.ONLINE).build()),
        Code.INVALID_ARGUMENT,
        "user_id is required");
  }

  @Test
  void updatePresence_failsWithResourceExhaustedPastTheCapOfUsers() throws InterruptedException {
    emulator.close();
    emulator = InProcessEmulator.start(config -> config.maxPresences(2));
    presence = emulator.presence();
    presence.updatePresence(update("u1", PresenceStatus.ONLINE).build());
    presence.updatePresence(update("u2", PresenceStatus.ONLINE).build());
    // A known user's update takes no new place.
    presence.updatePresence(update("u1", PresenceStatus.AWAY).build());

    assertFails(
        () -> presence.updatePresence(update("u3", PresenceStatus.ONLINE).build()),
        Code.RESOURCE_EXHAUSTED,
        "--max-presences");
  }

  @Test
  void getPresence_answersEveryUserInTheOrderAskedWithUnknownUsersOffline() {
    presence.updatePresence(update("u1", PresenceStatus.BUSY).build());
    presence.updatePresence(update("u3", PresenceStatus.ONLINE).build());

    List<Presence> answered = get("u3", "unknown", "u1", "u3");

    assertThat(answered)
        .extracting(Presence::getUserId)
        .containsExactly("u3", "unknown", "u1", "u3");
    assertThat(answered)
        .extracting(Presence::getStatus)
        .containsExactly(
            PresenceStatus.ONLINE,
            PresenceStatus.OFFLINE,
            PresenceStatus.BUSY,
            PresenceStatus.ONLINE);
    assertThat(answered.get(1).hasUpdatedAt()).isFalse();
    assertThat(answered.get(0).hasUpdatedAt()).isTrue();
  }

  @Test
  void getPresence_acceptsOneToOneThousandUsers() {
    assertThat(get(Collections.nCopies(1_000, "u").toArray(String[]::new))).hasSize(1_000);
    assertFails(() -> get(), Code.INVALID_ARGUMENT, "user_ids is required");
    assertFails(
        () -> get(Collections.nCopies(1_001, "u").toArray(String[]::new)),
        Code.INVALID_ARGUMENT,
        "user_ids holds more than 1000 entries");
  }

  @Test
  void updateTypingStatus_expiresByItselfAndPublishesTheStop() {
    Thread thread = thread();
    ThreadEventCollector events = subscribe(thread);

    TypingStatus typing = presence.updateTypingStatus(typing(thread, "customer_1", true).build());

    assertThat(typing.getIsTyping()).isTrue();
    assertThat(typing.getExpiresAt()).isEqualTo(timestamp(NOW.plus(TYPING_TIMEOUT)));
    await().atMost(Duration.ofSeconds(5)).until(() -> events.events().size() == 2);
    TypingChanged started = events.events().get(0).getTypingChanged();
    TypingChanged expired = events.events().get(1).getTypingChanged();
    assertThat(started.getUserId()).isEqualTo("customer_1");
    assertThat(started.getIsTyping()).isTrue();
    assertThat(started.getExpiresAt()).isEqualTo(typing.getExpiresAt());
    assertThat(expired.getUserId()).isEqualTo("customer_1");
    assertThat(expired.getIsTyping()).isFalse();
    assertThat(expired.hasExpiresAt()).isFalse();
  }

  @Test
  void updateTypingStatus_stopIsPublishedOnceAndEndsTheExpiry() {
    Thread thread = thread();
    ThreadEventCollector events = subscribe(thread);

    presence.updateTypingStatus(typing(thread, "customer_1", true).build());
    TypingStatus stopped = presence.updateTypingStatus(typing(thread, "customer_1", false).build());
    // Not typing any more: a second stop changes nothing and publishes nothing.
    presence.updateTypingStatus(typing(thread, "customer_1", false).build());
    sendMarker(thread);

    assertThat(stopped.getIsTyping()).isFalse();
    assertThat(stopped.hasExpiresAt()).isFalse();
    await().until(() -> events.events().size() == 3);
    assertThat(events.events())
        .extracting(ThreadEvent::getEventCase)
        .containsExactly(
            ThreadEvent.EventCase.TYPING_CHANGED,
            ThreadEvent.EventCase.TYPING_CHANGED,
            ThreadEvent.EventCase.MESSAGE_CREATED);
    assertThat(events.events().get(1).getTypingChanged().getIsTyping()).isFalse();
  }

  @Test
  void updateTypingStatus_needsAnExistingThreadAndAParticipant() {
    Thread thread = thread();

    assertFails(
        () ->
            presence.updateTypingStatus(
                UpdateTypingStatusRequest.newBuilder()
                    .setThreadId("thr_nope")
                    .setUserId("customer_1")
                    .setIsTyping(true)
                    .build()),
        Code.NOT_FOUND,
        "thr_nope");
    assertFails(
        () -> presence.updateTypingStatus(typing(thread, "stranger", true).build()),
        Code.PERMISSION_DENIED,
        "not a participant");
  }

  @Test
  void updateTypingStatus_replayedRequestIdReturnsTheFirstResultAndPublishesNothing() {
    Thread thread = thread();
    ThreadEventCollector events = subscribe(thread);
    UpdateTypingStatusRequest start =
        typing(thread, "customer_1", true).setRequestId("t-1").build();

    TypingStatus first = presence.updateTypingStatus(start);
    presence.updateTypingStatus(typing(thread, "customer_1", false).setRequestId("t-2").build());
    TypingStatus replayed = presence.updateTypingStatus(start);
    sendMarker(thread);

    assertThat(replayed).isEqualTo(first);
    await().until(() -> events.events().size() == 3);
    // Start, stop, marker: the replay started nothing.
    assertThat(events.events())
        .extracting(ThreadEvent::getEventCase)
        .containsExactly(
            ThreadEvent.EventCase.TYPING_CHANGED,
            ThreadEvent.EventCase.TYPING_CHANGED,
            ThreadEvent.EventCase.MESSAGE_CREATED);
  }

  /** A message event: everything published before it has arrived once it has. */
  private void sendMarker(Thread thread) {
    emulator
        .chat()
        .sendMessage(
            SendMessageRequest.newBuilder()
                .setThreadId(thread.getId())
                .setUserId("customer_1")
                .setContent("marker")
                .build());
  }

  private Thread thread() {
    return emulator
        .chat()
        .createThread(
            CreateThreadRequest.newBuilder()
                .setUserId("customer_1")
                .setTitle("Order help")
                .addParticipants("support_1")
                .build());
  }

  private ThreadEventCollector subscribe(Thread thread) {
    ThreadEventCollector events = new ThreadEventCollector();
    emulator
        .chatAsync()
        .streamThreadEvents(
            StreamThreadEventsRequest.newBuilder().setThreadId(thread.getId()).build(), events);
    await()
        .until(
            () ->
                emulator
                        .control()
                        .getStats(GetStatsRequest.getDefaultInstance())
                        .getStreamSubscribers()
                    == 1);
    return events;
  }

  private List<Presence> get(String... userIds) {
    return presence
        .getPresence(GetPresenceRequest.newBuilder().addAllUserIds(List.of(userIds)).build())
        .getPresencesList();
  }

  private static UpdatePresenceRequest.Builder update(String userId, PresenceStatus status) {
    return UpdatePresenceRequest.newBuilder().setUserId(userId).setStatus(status);
  }

  private static UpdateTypingStatusRequest.Builder typing(
      Thread thread, String userId, boolean isTyping) {
    return UpdateTypingStatusRequest.newBuilder()
        .setThreadId(thread.getId())
        .setUserId(userId)
        .setIsTyping(isTyping);
  }

  private static Timestamp timestamp(Instant instant) {
    return Timestamp.newBuilder()
        .setSeconds(instant.getEpochSecond())
        .setNanos(instant.getNano())
        .build();
  }
}
