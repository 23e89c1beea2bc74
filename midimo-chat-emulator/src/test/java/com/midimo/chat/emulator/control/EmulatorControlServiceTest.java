package com.midimo.chat.emulator.control;

import static com.midimo.chat.emulator.GrpcAssertions.assertFails;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import com.google.common.util.concurrent.Futures;
import com.google.common.util.concurrent.ListenableFuture;
import com.midimo.chat.emulator.InProcessEmulator;
import com.midimo.chat.emulator.TestTokens;
import com.midimo.chat.emulator.v1.CallCounts;
import com.midimo.chat.emulator.v1.ClearFaultsRequest;
import com.midimo.chat.emulator.v1.EmulatorControlGrpc;
import com.midimo.chat.emulator.v1.FailFractionRequest;
import com.midimo.chat.emulator.v1.FailMatchingRequest;
import com.midimo.chat.emulator.v1.FailNextRequest;
import com.midimo.chat.emulator.v1.FaultState;
import com.midimo.chat.emulator.v1.GetCallCountsRequest;
import com.midimo.chat.emulator.v1.GetStatsRequest;
import com.midimo.chat.emulator.v1.InjectLatencyRequest;
import com.midimo.chat.emulator.v1.MatchingFailure;
import com.midimo.chat.emulator.v1.MethodCalls;
import com.midimo.chat.emulator.v1.ResetRequest;
import com.midimo.chat.emulator.v1.SetJwtKeysRequest;
import com.midimo.chat.emulator.v1.SetOutageRequest;
import com.midimo.chat.emulator.v1.Stats;
import com.midimo.chat.v1.AddParticipantsRequest;
import com.midimo.chat.v1.ChatServiceGrpc;
import com.midimo.chat.v1.CreateThreadRequest;
import com.midimo.chat.v1.FindThreadsRequest;
import com.midimo.chat.v1.GetPresenceRequest;
import com.midimo.chat.v1.GetThreadMessagesRequest;
import com.midimo.chat.v1.GetThreadRequest;
import com.midimo.chat.v1.NotificationCategory;
import com.midimo.chat.v1.PresenceStatus;
import com.midimo.chat.v1.SendMessageRequest;
import com.midimo.chat.v1.SendNotificationRequest;
import com.midimo.chat.v1.Thread;
import com.midimo.chat.v1.UpdatePresenceRequest;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import io.grpc.Status.Code;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthCheckResponse.ServingStatus;
import io.grpc.health.v1.HealthGrpc;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class EmulatorControlServiceTest {
  private static final String CREATE_THREAD = "midimo.chat.v1.ChatService/CreateThread";
  private static final String SEND_MESSAGE = "midimo.chat.v1.ChatService/SendMessage";

  private InProcessEmulator emulator = InProcessEmulator.start();
  private final EmulatorControlGrpc.EmulatorControlBlockingStub control = emulator.control();

  @AfterEach
  void stopEmulator() throws InterruptedException {
    emulator.close();
  }

  @Test
  void failNext_failsExactlyTheNextCountCallsOfTheMethodWithTheChosenStatus() {
    Thread thread = createThread();
    FaultState state =
        control.failNext(
            FailNextRequest.newBuilder()
                .setMethod(SEND_MESSAGE)
                .setCount(3)
                .setStatusCode(14)
                .build());
    assertThat(state.getPendingFailuresMap()).containsEntry(SEND_MESSAGE, 3);

    for (int i = 0; i < 3; i++) {
      assertFails(
          () -> send(thread, "m"), Code.UNAVAILABLE, "Midimo Chat emulator: failure injected");
    }
    send(thread, "fourth");
    send(thread, "fifth");

    MethodCalls calls = counts().getMethodsOrThrow(SEND_MESSAGE);
    assertThat(calls.getTotal()).isEqualTo(5);
    assertThat(calls.getFailed()).isEqualTo(3);
    assertThat(calls.getOk()).isEqualTo(2);
    assertThat(counts().getMethodsOrThrow(CREATE_THREAD).getOk()).isEqualTo(1);
    assertThat(control.clearFaults(ClearFaultsRequest.getDefaultInstance()).getPendingFailuresMap())
        .isEmpty();
  }

  @Test
  void failNext_forAnyMethodFailsTheNextCallsWhateverTheyAreWithTheGivenDescription() {
    control.failNext(
        FailNextRequest.newBuilder()
            .setCount(2)
            .setStatusCode(Code.RESOURCE_EXHAUSTED.value())
            .setDescription("quota")
            .build());

    assertFails(this::createThread, Code.RESOURCE_EXHAUSTED, "quota");
    assertFails(
        () ->
            emulator
                .presence()
                .getPresence(GetPresenceRequest.newBuilder().addUserIds("u").build()),
        Code.RESOURCE_EXHAUSTED,
        "quota");
    assertThat(createThread().getId()).isNotEmpty();
  }

  @Test
  void failFraction_ofOneFailsEveryCallOfTheMethodOnly() {
    Thread thread = createThread();
    control.failFraction(
        FailFractionRequest.newBuilder()
            .setMethod(SEND_MESSAGE)
            .setFraction(1.0)
            .setStatusCode(Code.INTERNAL.value())
            .build());

    for (int i = 0; i < 10; i++) {
      assertFails(() -> send(thread, "m"), Code.INTERNAL, "failure injected");
    }
    assertThat(getThread(thread)).isEqualTo(thread);
    assertThat(counts().getMethodsOrThrow(SEND_MESSAGE).getFailed()).isEqualTo(10);
  }

  @Test
  void failMatching_failsEveryWriteWhoseRequestIdStartsWithThePrefixAndNothingElse() {
    Thread thread = createThread();
    FaultState state =
        control.failMatching(
            FailMatchingRequest.newBuilder()
                .setRequestIdPrefix("order-7:")
                .setStatusCode(Code.UNAVAILABLE.value())
                .build());
    assertThat(state.getMatchingFailuresList())
        .containsExactly(
            MatchingFailure.newBuilder()
                .setRequestIdPrefix("order-7:")
                .setStatusCode(Code.UNAVAILABLE.value())
                .setDescription("Midimo Chat emulator: failure injected")
                .build());

    assertFails(
        () -> createThread("order-7:thread"),
        Code.UNAVAILABLE,
        "Midimo Chat emulator: failure injected");
    assertFails(() -> send(thread, "m", "order-7:message"), Code.UNAVAILABLE, "failure injected");
    assertFails(
        () ->
            emulator
                .chat()
                .addParticipants(
                    AddParticipantsRequest.newBuilder()
                        .setThreadId(thread.getId())
                        .addParticipants("agent_2")
                        .setRequestId("order-7:add")
                        .build()),
        Code.UNAVAILABLE,
        "failure injected");
    assertFails(
        () ->
            emulator
                .presence()
                .updatePresence(
                    UpdatePresenceRequest.newBuilder()
                        .setUserId("u")
                        .setStatus(PresenceStatus.ONLINE)
                        .setRequestId("order-7:presence")
                        .build()),
        Code.UNAVAILABLE,
        "failure injected");
    assertFails(
        () ->
            emulator
                .notifications()
                .sendNotification(
                    SendNotificationRequest.newBuilder()
                        .setUserId("u")
                        .setTitle("Shipped")
                        .setBody("On its way")
                        .setCategory(NotificationCategory.ORDER_UPDATE)
                        .setRequestId("order-7:notification")
                        .build()),
        Code.UNAVAILABLE,
        "failure injected");

    // Other keys, no key, and reads go through.
    assertThat(createThread("order-8:thread").getId()).isNotEmpty();
    assertThat(send(thread, "not idempotent", "")).isNotNull();
    assertThat(send(thread, "a key that only contains it", "x-order-7:")).isNotNull();
    assertThat(getThread(thread).getId()).isEqualTo(thread.getId());
    assertThat(
            emulator
                .chat()
                .findThreads(FindThreadsRequest.newBuilder().setParticipant("u").build())
                .getThreadsCount())
        .isEqualTo(2);
    // A failed write never reached the service, and was counted like any injected failure.
    Stats stats = control.getStats(GetStatsRequest.getDefaultInstance());
    assertThat(stats.getThreads()).isEqualTo(2);
    assertThat(stats.getMessages()).isEqualTo(2);
    assertThat(stats.getNotifications()).isZero();
    assertThat(getThread(thread).getParticipantsList()).containsExactly("u");
    MethodCalls creates = counts().getMethodsOrThrow(CREATE_THREAD);
    assertThat(creates.getFailed()).isEqualTo(1);
    assertThat(creates.getOk()).isEqualTo(2);
  }

  @Test
  void failMatching_prefersTheMethodsOwnRuleThenTheLongestPrefix() {
    Thread thread = createThread();
    control.failMatching(
        FailMatchingRequest.newBuilder()
            .setRequestIdPrefix("test-")
            .setStatusCode(Code.UNAVAILABLE.value())
            .setDescription("everything")
            .build());
    control.failMatching(
        FailMatchingRequest.newBuilder()
            .setRequestIdPrefix("test-42")
            .setStatusCode(Code.ABORTED.value())
            .setDescription("longer prefix")
            .build());
    FaultState state =
        control.failMatching(
            FailMatchingRequest.newBuilder()
                .setMethod(SEND_MESSAGE)
                .setRequestIdPrefix("test-")
                .setStatusCode(Code.INTERNAL.value())
                .setDescription("send only")
                .build());

    assertThat(state.getMatchingFailuresList())
        .extracting(MatchingFailure::getMethod, MatchingFailure::getRequestIdPrefix)
        .containsExactly(tuple("", "test-"), tuple("", "test-42"), tuple(SEND_MESSAGE, "test-"));
    assertFails(() -> send(thread, "m", "test-42-1"), Code.INTERNAL, "send only");
    assertFails(() -> createThread("test-42-1"), Code.ABORTED, "longer prefix");
    assertFails(() -> createThread("test-1"), Code.UNAVAILABLE, "everything");
  }

  @Test
  void failMatching_withStatusCodeZeroRemovesThatRuleAndClearFaultsRemovesEvery() {
    Thread thread = createThread();
    for (String method : List.of("", SEND_MESSAGE)) {
      control.failMatching(
          FailMatchingRequest.newBuilder()
              .setMethod(method)
              .setRequestIdPrefix("r-")
              .setStatusCode(Code.UNAVAILABLE.value())
              .build());
    }

    FaultState state =
        control.failMatching(
            FailMatchingRequest.newBuilder()
                .setMethod(SEND_MESSAGE)
                .setRequestIdPrefix("r-")
                .build());

    assertThat(state.getMatchingFailuresList())
        .extracting(MatchingFailure::getMethod)
        .containsExactly("");
    assertFails(() -> send(thread, "m", "r-1"), Code.UNAVAILABLE, "failure injected");
    assertThat(control.clearFaults(ClearFaultsRequest.getDefaultInstance()))
        .isEqualTo(FaultState.getDefaultInstance());
    assertThat(send(thread, "m", "r-1")).isNotNull();
    assertThat(createThread("r-2").getId()).isNotEmpty();
  }

  @Test
  void failMatching_leavesTheStatusOfARefusedTokenAsItWas() {
    control.failMatching(
        FailMatchingRequest.newBuilder()
            .setRequestIdPrefix("r-")
            .setStatusCode(Code.UNAVAILABLE.value())
            .build());

    assertFails(
        () ->
            InProcessEmulator.withToken(ChatServiceGrpc.newBlockingStub(emulator.channel()), "nope")
                .createThread(
                    CreateThreadRequest.newBuilder()
                        .setUserId("u")
                        .setTitle("t")
                        .setRequestId("r-1")
                        .build()),
        Code.UNAUTHENTICATED,
        "");
    assertThat(counts().getMethodsOrThrow(CREATE_THREAD).getFailed()).isEqualTo(1);
  }

  @Test
  void failMatching_rejectsUnknownMethodsStatusCodesAndLongPrefixes() {
    assertFails(
        () ->
            control.failMatching(
                FailMatchingRequest.newBuilder()
                    .setMethod("CreateThread")
                    .setRequestIdPrefix("r")
                    .setStatusCode(14)
                    .build()),
        Code.INVALID_ARGUMENT,
        "unknown method 'CreateThread'");
    assertFails(
        () ->
            control.failMatching(
                FailMatchingRequest.newBuilder().setRequestIdPrefix("r").setStatusCode(17).build()),
        Code.INVALID_ARGUMENT,
        "status_code");
    assertFails(
        () ->
            control.failMatching(
                FailMatchingRequest.newBuilder()
                    .setRequestIdPrefix("r".repeat(129))
                    .setStatusCode(14)
                    .build()),
        Code.INVALID_ARGUMENT,
        "request_id_prefix exceeds 128 characters");
    assertThat(
            control.clearFaults(ClearFaultsRequest.getDefaultInstance()).getMatchingFailuresCount())
        .isZero();
  }

  @Test
  void injectLatency_holdsCallsBackWithoutServingThemOneAtATime() throws Exception {
    Thread thread = createThread();
    long latencyMillis = 300;
    control.injectLatency(
        InjectLatencyRequest.newBuilder()
            .setMethod(SEND_MESSAGE)
            .setLatencyMillis(latencyMillis)
            .build());

    long start = System.nanoTime();
    List<ListenableFuture<?>> calls = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      calls.add(
          emulator
              .chatFuture()
              .sendMessage(
                  SendMessageRequest.newBuilder()
                      .setThreadId(thread.getId())
                      .setUserId("u")
                      .setContent("m" + i)
                      .build()));
    }
    Futures.allAsList(calls).get(10, TimeUnit.SECONDS);
    long elapsedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

    assertThat(elapsedMillis).isGreaterThanOrEqualTo(latencyMillis);
    // Twenty calls served one at a time would take 6 s.
    assertThat(elapsedMillis).isLessThan(20 * latencyMillis / 2);
  }

  @Test
  void injectLatency_delaysOnlyTheMethodNamed() {
    Thread thread = createThread();
    control.injectLatency(
        InjectLatencyRequest.newBuilder().setMethod(SEND_MESSAGE).setLatencyMillis(60_000).build());

    // Were it delayed too, this read would miss its deadline by far.
    assertThat(
            emulator
                .chat()
                .withDeadlineAfter(5, TimeUnit.SECONDS)
                .getThread(GetThreadRequest.newBuilder().setThreadId(thread.getId()).build()))
        .isEqualTo(thread);
    assertFails(
        () ->
            emulator
                .chat()
                .withDeadlineAfter(200, TimeUnit.MILLISECONDS)
                .sendMessage(
                    SendMessageRequest.newBuilder()
                        .setThreadId(thread.getId())
                        .setUserId("u")
                        .setContent("held back")
                        .build()),
        Code.DEADLINE_EXCEEDED,
        "");
  }

  @Test
  void injectLatency_aCallWhoseClientGaveUpIsStillHandled() {
    Thread thread = createThread();
    control.injectLatency(
        InjectLatencyRequest.newBuilder().setMethod(SEND_MESSAGE).setLatencyMillis(500).build());

    assertFails(
        () ->
            emulator
                .chat()
                .withDeadlineAfter(100, TimeUnit.MILLISECONDS)
                .sendMessage(
                    SendMessageRequest.newBuilder()
                        .setThreadId(thread.getId())
                        .setUserId("u")
                        .setContent("lost answer")
                        .setRequestId("r-1")
                        .build()),
        Code.DEADLINE_EXCEEDED,
        "");

    // The write happened though the answer was lost: what a retry with the same request_id meets.
    await()
        .atMost(Duration.ofSeconds(5))
        .until(() -> control.getStats(GetStatsRequest.getDefaultInstance()).getMessages() == 1);
    assertThat(
            emulator
                .chat()
                .getThreadMessages(
                    GetThreadMessagesRequest.newBuilder().setThreadId(thread.getId()).build())
                .getMessages(0)
                .getContent())
        .isEqualTo("lost answer");
  }

  @Test
  void setOutage_failsEveryCallAndReportsNotServingUntilCleared() {
    FaultState state = control.setOutage(SetOutageRequest.newBuilder().setEnabled(true).build());

    assertThat(state.getOutage()).isTrue();
    assertFails(this::createThread, Code.UNAVAILABLE, "Midimo Chat emulator: outage injected");
    assertFails(
        () ->
            emulator
                .presence()
                .getPresence(GetPresenceRequest.newBuilder().addUserIds("u").build()),
        Code.UNAVAILABLE,
        "outage injected");
    assertThat(health("")).isEqualTo(ServingStatus.NOT_SERVING);
    assertThat(health(ChatServiceGrpc.SERVICE_NAME)).isEqualTo(ServingStatus.NOT_SERVING);
    assertThat(health("midimo.chat.v1.PresenceService")).isEqualTo(ServingStatus.NOT_SERVING);
    assertThat(health("midimo.chat.v1.NotificationService")).isEqualTo(ServingStatus.NOT_SERVING);

    assertThat(control.clearFaults(ClearFaultsRequest.getDefaultInstance()).getOutage()).isFalse();

    assertThat(health("")).isEqualTo(ServingStatus.SERVING);
    assertThat(health(ChatServiceGrpc.SERVICE_NAME)).isEqualTo(ServingStatus.SERVING);
    assertThat(createThread().getId()).isNotEmpty();
    assertThat(counts().getMethodsOrThrow(CREATE_THREAD).getFailed()).isEqualTo(1);
  }

  @Test
  void clearFaults_removesEveryFaultAndKeepsStateAndCounts() {
    createThread();
    control.injectLatency(InjectLatencyRequest.newBuilder().setLatencyMillis(1).build());
    control.failFraction(
        FailFractionRequest.newBuilder().setFraction(0.5).setStatusCode(14).build());
    control.failNext(FailNextRequest.newBuilder().setCount(1).setStatusCode(14).build());

    FaultState cleared = control.clearFaults(ClearFaultsRequest.getDefaultInstance());

    assertThat(cleared).isEqualTo(FaultState.getDefaultInstance());
    assertThat(control.getStats(GetStatsRequest.getDefaultInstance()).getThreads()).isEqualTo(1);
    assertThat(counts().getMethodsOrThrow(CREATE_THREAD).getTotal()).isEqualTo(1);
  }

  @Test
  void reset_forgetsStateFaultsAndCounts() {
    Thread thread = createThread();
    send(thread, "hello");
    control.failNext(
        FailNextRequest.newBuilder().setMethod(SEND_MESSAGE).setCount(5).setStatusCode(14).build());

    control.reset(ResetRequest.getDefaultInstance());

    assertThat(control.getStats(GetStatsRequest.getDefaultInstance()))
        .isEqualTo(Stats.getDefaultInstance());
    assertThat(counts().getMethodsMap()).isEmpty();
    assertFails(() -> getThread(thread), Code.NOT_FOUND, thread.getId());
    Thread fresh = createThread();
    assertThat(fresh.getId()).isNotEqualTo(thread.getId());
    assertThat(send(fresh, "after reset")).isNotNull();
  }

  @Test
  void rules_rejectUnknownMethodsAndInvalidValues() {
    assertFails(
        () ->
            control.failNext(
                FailNextRequest.newBuilder()
                    .setMethod("SendMessage")
                    .setCount(1)
                    .setStatusCode(14)
                    .build()),
        Code.INVALID_ARGUMENT,
        "unknown method 'SendMessage'");
    assertFails(
        () -> control.failNext(FailNextRequest.newBuilder().setCount(1).setStatusCode(0).build()),
        Code.INVALID_ARGUMENT,
        "status_code");
    assertFails(
        () ->
            control.failFraction(
                FailFractionRequest.newBuilder().setFraction(1.5).setStatusCode(14).build()),
        Code.INVALID_ARGUMENT,
        "fraction");
    assertFails(
        () -> control.injectLatency(InjectLatencyRequest.newBuilder().setLatencyMillis(-1).build()),
        Code.INVALID_ARGUMENT,
        "latency_millis");
  }

  @Test
  void control_isNotServedWithoutFaultControl() throws InterruptedException {
    emulator.close();
    emulator = InProcessEmulator.start(config -> config.faultControl(false));

    assertFails(
        () -> emulator.control().getStats(GetStatsRequest.getDefaultInstance()),
        Code.UNIMPLEMENTED,
        "");
    assertThat(createThread().getId()).isNotEmpty();
  }

  private ServingStatus health(String service) {
    return HealthGrpc.newBlockingStub(emulator.channel())
        .check(HealthCheckRequest.newBuilder().setService(service).build())
        .getStatus();
  }

  private CallCounts counts() {
    return control.getCallCounts(GetCallCountsRequest.getDefaultInstance());
  }

  private Thread createThread() {
    return createThread("");
  }

  private Thread createThread(String requestId) {
    return emulator
        .chat()
        .createThread(
            CreateThreadRequest.newBuilder()
                .setUserId("u")
                .setTitle("t")
                .setRequestId(requestId)
                .build());
  }

  private Thread getThread(Thread thread) {
    return emulator
        .chat()
        .getThread(GetThreadRequest.newBuilder().setThreadId(thread.getId()).build());
  }

  private com.midimo.chat.v1.Message send(Thread thread, String content) {
    return send(thread, content, "");
  }

  private com.midimo.chat.v1.Message send(Thread thread, String content, String requestId) {
    return emulator
        .chat()
        .sendMessage(
            SendMessageRequest.newBuilder()
                .setThreadId(thread.getId())
                .setUserId("u")
                .setContent(content)
                .setRequestId(requestId)
                .build());
  }

  @Test
  void setJwtKeys_acceptsOnlyTheNewKeys_untilReset() {
    String rotatedToken =
        TestTokens.sign(
            new JWSHeader.Builder(JWSAlgorithm.HS256).keyID("rotated").build(),
            TestTokens.claims(Clock.systemUTC(), TestTokens.ALL_SCOPES).build(),
            TestTokens.ROTATED_SECRET);
    CreateThreadRequest create =
        CreateThreadRequest.newBuilder().setUserId("u").setTitle("t").build();

    control.setJwtKeys(
        SetJwtKeysRequest.newBuilder()
            .putKeys("rotated", TestTokens.ROTATED_SECRET)
            .setPrimaryKeyId("rotated")
            .build());

    assertFails(() -> emulator.chat().createThread(create), Code.UNAUTHENTICATED, "");
    assertThat(
            InProcessEmulator.withToken(
                    ChatServiceGrpc.newBlockingStub(emulator.channel()), rotatedToken)
                .createThread(create)
                .getId())
        .isNotBlank();
    control.reset(ResetRequest.getDefaultInstance());
    assertThat(emulator.chat().createThread(create).getId()).isNotBlank();
  }

  @Test
  void setJwtKeys_refusesAPrimaryKeyItIsNotGiven_orAShortSecret() {
    assertFails(
        () ->
            control.setJwtKeys(
                SetJwtKeysRequest.newBuilder()
                    .putKeys("a", TestTokens.ROTATED_SECRET)
                    .setPrimaryKeyId("b")
                    .build()),
        Code.INVALID_ARGUMENT,
        "primary_key_id");
    assertFails(
        () ->
            control.setJwtKeys(
                SetJwtKeysRequest.newBuilder().putKeys("a", "short").setPrimaryKeyId("a").build()),
        Code.INVALID_ARGUMENT,
        "32");
  }
}
