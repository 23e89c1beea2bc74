package com.shopsuite.midimo.client;

import static com.shopsuite.midimo.client.Arguments.listOrEmpty;
import static com.shopsuite.midimo.client.Arguments.mapOrEmpty;
import static com.shopsuite.midimo.client.Arguments.maxText;
import static com.shopsuite.midimo.client.Arguments.optionalId;
import static com.shopsuite.midimo.client.Arguments.requireId;
import static com.shopsuite.midimo.client.Arguments.requireRange;
import static com.shopsuite.midimo.client.Arguments.requireText;

import com.midimo.chat.v1.AddParticipantsRequest;
import com.midimo.chat.v1.ChatServiceGrpc;
import com.midimo.chat.v1.CreateThreadRequest;
import com.midimo.chat.v1.FindThreadsRequest;
import com.midimo.chat.v1.FindThreadsResponse;
import com.midimo.chat.v1.GetPresenceRequest;
import com.midimo.chat.v1.GetThreadMessagesRequest;
import com.midimo.chat.v1.GetThreadMessagesResponse;
import com.midimo.chat.v1.GetThreadRequest;
import com.midimo.chat.v1.ListNotificationsRequest;
import com.midimo.chat.v1.ListNotificationsResponse;
import com.midimo.chat.v1.MarkNotificationReadRequest;
import com.midimo.chat.v1.NotificationServiceGrpc;
import com.midimo.chat.v1.PresenceServiceGrpc;
import com.midimo.chat.v1.SendMessageRequest;
import com.midimo.chat.v1.SendNotificationRequest;
import com.midimo.chat.v1.StreamThreadEventsRequest;
import com.midimo.chat.v1.ThreadOrder;
import com.midimo.chat.v1.UpdatePresenceRequest;
import com.midimo.chat.v1.UpdateThreadMetadataRequest;
import com.midimo.chat.v1.UpdateTypingStatusRequest;
import com.shopsuite.midimo.chat.ChatMessage;
import com.shopsuite.midimo.chat.ChatThread;
import com.shopsuite.midimo.chat.MessagePage;
import com.shopsuite.midimo.chat.ThreadEventListener;
import com.shopsuite.midimo.chat.ThreadEventSubscription;
import com.shopsuite.midimo.chat.ThreadPage;
import com.shopsuite.midimo.context.RequestId;
import com.shopsuite.midimo.error.MidimoChatException;
import com.shopsuite.midimo.error.ValidationException;
import com.shopsuite.midimo.notification.Notification;
import com.shopsuite.midimo.notification.NotificationCategory;
import com.shopsuite.midimo.notification.NotificationPage;
import com.shopsuite.midimo.presence.Presence;
import com.shopsuite.midimo.presence.PresenceStatus;
import io.grpc.Channel;
import io.grpc.ClientInterceptors;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthCheckResponse;
import io.grpc.health.v1.HealthGrpc;
import io.grpc.stub.AbstractStub;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The low-level Midimo Chat client: every rpc of the v1 contract, with the original guide's
 * parameters, speaking the application's own types.
 *
 * <p>Every call has its own deadline, a JWT ({@code authorization: Bearer}, re-minted once if
 * Midimo Chat answers {@code UNAUTHENTICATED}), the current {@link RequestId} as {@code
 * x-request-id}, and one log line. Every write carries an idempotency key ({@code request_id}): the
 * caller's when it has a natural one, a generated one otherwise. Failures arrive as {@link
 * MidimoChatException}s, translated in {@link GrpcErrors}. Thread-safe.
 *
 * <p>Two ways to get one:
 *
 * <ul>
 *   <li>{@link #connect(ClientSettings)} opens and owns a channel, like the guide's context
 *       manager: {@code try (var client = MidimoChatClient.connect(settings)) { ... }}.
 *   <li>{@link #over(ChannelSource, ClientSettings, CallObserver)} borrows channels (in WildFly,
 *       the EJB module's pool); closing such a client leaves the channels open.
 * </ul>
 */
public final class MidimoChatClient implements AutoCloseable {

  private final ChannelSource channels;
  private final StreamChannels streams;
  private final AutoCloseable ownedResources;
  private final JwtTokenSource tokens;
  private final CallLogInterceptor callLog;
  private final RequestIdInterceptor requestIdHeader = new RequestIdInterceptor();
  private final long callTimeoutNanos;
  private final long streamMaxNanos;

  private MidimoChatClient(
      ChannelSource channels,
      StreamChannels streams,
      AutoCloseable ownedResources,
      ClientSettings settings,
      Supplier<JwtSettings> jwt,
      CallObserver observer) {
    this.channels = Objects.requireNonNull(channels, "channels");
    this.streams = streams;
    this.ownedResources = ownedResources;
    this.tokens = new JwtTokenSource(jwt);
    this.callLog = new CallLogInterceptor(Objects.requireNonNull(observer, "observer"));
    this.callTimeoutNanos = settings.callTimeout().toNanos();
    this.streamMaxNanos = settings.streamMaxDuration().toNanos();
  }

  /** A client with its own channel(s), closed by {@link #close()}. */
  public static MidimoChatClient connect(ClientSettings settings) {
    ChannelPool pool = ChannelPool.connect(settings.connection());
    return new MidimoChatClient(pool, null, pool, settings, settings::jwt, CallObserver.NONE);
  }

  /** A client over channels owned by someone else; {@link #close()} does not close them. */
  public static MidimoChatClient over(
      ChannelSource channels, ClientSettings settings, CallObserver observer) {
    return new MidimoChatClient(channels, null, null, settings, settings::jwt, observer);
  }

  /**
   * As {@link #over(ChannelSource, ClientSettings, CallObserver)}, with the JWT settings read from
   * {@code jwt} again whenever Midimo Chat rejects a token: a rotated secret or key id is used
   * without a restart.
   */
  public static MidimoChatClient over(
      ChannelSource channels,
      ClientSettings settings,
      Supplier<JwtSettings> jwt,
      CallObserver observer) {
    return new MidimoChatClient(channels, null, null, settings, jwt, observer);
  }

  /**
   * As {@link #over(ChannelSource, ClientSettings, Supplier, CallObserver)}, with event streams on
   * {@code streams}, apart from the unary calls ({@link StreamChannels}); neither is closed by
   * {@link #close()}.
   */
  public static MidimoChatClient over(
      ChannelSource channels,
      StreamChannels streams,
      ClientSettings settings,
      Supplier<JwtSettings> jwt,
      CallObserver observer) {
    return new MidimoChatClient(
        channels, Objects.requireNonNull(streams, "streams"), null, settings, jwt, observer);
  }

  // ---- ChatService ---------------------------------------------------------------------------

  /** Creates a thread with a generated idempotency key (the guide's {@code create_thread}). */
  public ChatThread createThread(
      String userId, String title, List<String> participants, Map<String, String> metadata) {
    return createThread(userId, title, participants, metadata, null);
  }

  /**
   * Creates a thread; the same {@code idempotencyKey} again returns the first thread.
   *
   * @param idempotencyKey null to generate one
   */
  public ChatThread createThread(
      String userId,
      String title,
      List<String> participants,
      Map<String, String> metadata,
      String idempotencyKey) {
    String key = IdempotencyKeys.orNew(idempotencyKey);
    CreateThreadRequest request =
        CreateThreadRequest.newBuilder()
            .setUserId(requireId("userId", userId))
            .setTitle(requireText("title", title, Arguments.MAX_TITLE_LENGTH))
            .addAllParticipants(listOrEmpty(participants))
            .putAllMetadata(mapOrEmpty(metadata))
            .setRequestId(key)
            .build();
    return ProtoMapping.toThread(
        unary(
            "ChatService/CreateThread",
            key,
            ChatServiceGrpc::newBlockingStub,
            stub -> stub.createThread(request)));
  }

  public ChatThread getThread(String threadId) {
    GetThreadRequest request =
        GetThreadRequest.newBuilder().setThreadId(requireId("threadId", threadId)).build();
    return ProtoMapping.toThread(
        unary(
            "ChatService/GetThread",
            null,
            ChatServiceGrpc::newBlockingStub,
            stub -> stub.getThread(request)));
  }

  /**
   * Threads whose metadata holds every given pair and, when {@code participant} is set, that
   * include that user; oldest first.
   *
   * @param pageToken null for the first page
   */
  public ThreadPage findThreads(
      Map<String, String> metadata, String participant, int pageSize, String pageToken) {
    FindThreadsRequest request =
        FindThreadsRequest.newBuilder()
            .putAllMetadata(mapOrEmpty(metadata))
            .setParticipant(optionalId("participant", participant))
            .setPageSize(requireRange("pageSize", pageSize, 1, Arguments.MAX_PAGE_SIZE))
            .setPageToken(pageToken == null ? "" : pageToken)
            .build();
    FindThreadsResponse response =
        unary(
            "ChatService/FindThreads",
            null,
            ChatServiceGrpc::newBlockingStub,
            stub -> stub.findThreads(request));
    return new ThreadPage(
        response.getThreadsList().stream().map(ProtoMapping::toThread).toList(),
        response.getNextPageToken().isEmpty() ? null : response.getNextPageToken());
  }

  /**
   * The threads a user takes part in, most recently active first.
   *
   * @param pageToken null for the first page
   */
  public ThreadPage threadsOf(String userId, int pageSize, String pageToken) {
    FindThreadsRequest request =
        FindThreadsRequest.newBuilder()
            .setParticipant(requireId("userId", userId))
            .setOrder(ThreadOrder.THREAD_ORDER_RECENT_ACTIVITY)
            .setPageSize(requireRange("pageSize", pageSize, 1, Arguments.MAX_PAGE_SIZE))
            .setPageToken(pageToken == null ? "" : pageToken)
            .build();
    FindThreadsResponse response =
        unary(
            "ChatService/FindThreads",
            null,
            ChatServiceGrpc::newBlockingStub,
            stub -> stub.findThreads(request));
    return new ThreadPage(
        response.getThreadsList().stream().map(ProtoMapping::toThread).toList(),
        response.getNextPageToken().isEmpty() ? null : response.getNextPageToken());
  }

  /**
   * Adds participants to a thread; those who already are one are left as they are, so adding the
   * same users again changes nothing. Returns the thread as it is afterwards.
   *
   * @param idempotencyKey null to generate one
   */
  public ChatThread addParticipants(
      String threadId, List<String> participants, String idempotencyKey) {
    List<String> added = listOrEmpty(participants);
    requireRange("number of participants", added.size(), 1, Arguments.MAX_PARTICIPANTS);
    added.forEach(id -> requireId("participant", id));
    String key = IdempotencyKeys.orNew(idempotencyKey);
    AddParticipantsRequest request =
        AddParticipantsRequest.newBuilder()
            .setThreadId(requireId("threadId", threadId))
            .addAllParticipants(added)
            .setRequestId(key)
            .build();
    return ProtoMapping.toThread(
        unary(
            "ChatService/AddParticipants",
            key,
            ChatServiceGrpc::newBlockingStub,
            stub -> stub.addParticipants(request)));
  }

  /**
   * Sets metadata pairs of a thread, only if every pair of {@code expected} holds now (an empty
   * value: the key is absent): of two callers racing to change the same pairs, one succeeds and the
   * other gets a {@link com.shopsuite.midimo.error.ValidationException} with upstream status {@code
   * FAILED_PRECONDITION}. Returns the thread as it is afterwards.
   *
   * @param expected may be empty: unconditional
   * @param idempotencyKey null to generate one
   */
  public ChatThread updateThreadMetadata(
      String threadId,
      Map<String, String> set,
      Map<String, String> expected,
      String idempotencyKey) {
    if (mapOrEmpty(set).isEmpty()) {
      throw new ValidationException("set must hold at least one pair");
    }
    String key = IdempotencyKeys.orNew(idempotencyKey);
    UpdateThreadMetadataRequest request =
        UpdateThreadMetadataRequest.newBuilder()
            .setThreadId(requireId("threadId", threadId))
            .putAllSet(set)
            .putAllExpected(mapOrEmpty(expected))
            .setRequestId(key)
            .build();
    return ProtoMapping.toThread(
        unary(
            "ChatService/UpdateThreadMetadata",
            key,
            ChatServiceGrpc::newBlockingStub,
            stub -> stub.updateThreadMetadata(request)));
  }

  /** Posts a message with a generated idempotency key (the guide's {@code send_message}). */
  public ChatMessage sendMessage(
      String threadId, String userId, String content, List<String> attachmentIds) {
    return sendMessage(threadId, userId, content, attachmentIds, Map.of(), null);
  }

  /**
   * Posts a message; the same {@code idempotencyKey} in the same thread returns the first message.
   *
   * @param idempotencyKey null to generate one
   */
  public ChatMessage sendMessage(
      String threadId,
      String userId,
      String content,
      List<String> attachmentIds,
      Map<String, String> metadata,
      String idempotencyKey) {
    List<String> attachments = listOrEmpty(attachmentIds);
    String text = maxText("content", content, Arguments.MAX_CONTENT_LENGTH);
    if (text.isBlank() && attachments.isEmpty()) {
      throw new ValidationException("content is required when there are no attachments");
    }
    String key = IdempotencyKeys.orNew(idempotencyKey);
    SendMessageRequest request =
        SendMessageRequest.newBuilder()
            .setThreadId(requireId("threadId", threadId))
            .setUserId(requireId("userId", userId))
            .setContent(text)
            .addAllAttachmentIds(attachments)
            .putAllMetadata(mapOrEmpty(metadata))
            .setRequestId(key)
            .build();
    return ProtoMapping.toMessage(
        unary(
            "ChatService/SendMessage",
            key,
            ChatServiceGrpc::newBlockingStub,
            stub -> stub.sendMessage(request)));
  }

  /**
   * A page of a thread's messages, oldest first (the guide's {@code get_thread_messages}).
   *
   * @param limit 1 to 200
   * @param beforeId null for the newest page
   */
  public MessagePage getThreadMessages(String threadId, int limit, String beforeId) {
    GetThreadMessagesRequest request =
        GetThreadMessagesRequest.newBuilder()
            .setThreadId(requireId("threadId", threadId))
            .setLimit(requireRange("limit", limit, 1, Arguments.MAX_PAGE_SIZE))
            .setBeforeId(optionalId("beforeId", beforeId))
            .build();
    GetThreadMessagesResponse response =
        unary(
            "ChatService/GetThreadMessages",
            null,
            ChatServiceGrpc::newBlockingStub,
            stub -> stub.getThreadMessages(request));
    return new MessagePage(
        response.getMessagesList().stream().map(ProtoMapping::toMessage).toList(),
        response.getHasMore());
  }

  /**
   * Opens the thread's live event stream. Returns at once; events and the end of the stream go to
   * {@code listener}. The stream lasts until the subscription is closed, Midimo Chat ends it, or
   * the stream's maximum duration passes.
   */
  public ThreadEventSubscription streamThreadEvents(String threadId, ThreadEventListener listener) {
    StreamThreadEventsRequest request =
        StreamThreadEventsRequest.newBuilder().setThreadId(requireId("threadId", threadId)).build();
    // On a stream channel when there are any (refused at once when they are full), else on the
    // channels of the unary calls.
    StreamChannels.Lease lease = streams == null ? null : streams.lease();
    String token = tokens.token();
    ThreadEventObserver observer =
        new ThreadEventObserver(
            listener, () -> tokens.invalidate(token), lease == null ? () -> {} : lease::release);
    Channel channel =
        ClientInterceptors.intercept(
            lease == null
                ? intercepted()
                : ClientInterceptors.intercept(lease.channel(), callLog, requestIdHeader),
            observer.subscribedSignal());
    try {
      ChatServiceGrpc.newStub(channel)
          .withCallCredentials(JwtCallCredentials.of(token))
          .withDeadlineAfter(streamMaxNanos, TimeUnit.NANOSECONDS)
          .withOption(CallTags.REQUEST_ID, RequestId.currentOrNew())
          .streamThreadEvents(request, observer);
    } catch (RuntimeException e) {
      observer.finish();
      throw e;
    } finally {
      NettyThreadLocals.clearIfForeignThread();
    }
    return observer;
  }

  // ---- PresenceService -----------------------------------------------------------------------

  /** Sets a user's presence (the guide's {@code update_presence}). */
  public Presence updatePresence(String userId, PresenceStatus status, String customStatus) {
    return updatePresence(userId, status, customStatus, null);
  }

  /**
   * Sets a user's presence; a replay of the same {@code idempotencyKey} is not applied again, so a
   * late retry cannot overwrite a newer status.
   *
   * @param idempotencyKey null to generate one
   */
  public Presence updatePresence(
      String userId, PresenceStatus status, String customStatus, String idempotencyKey) {
    String key = IdempotencyKeys.orNew(idempotencyKey);
    UpdatePresenceRequest request =
        UpdatePresenceRequest.newBuilder()
            .setUserId(requireId("userId", userId))
            .setStatus(ProtoMapping.toProto(Objects.requireNonNull(status, "status")))
            .setCustomStatus(maxText("customStatus", customStatus, 200))
            .setRequestId(key)
            .build();
    return ProtoMapping.toPresence(
        unary(
            "PresenceService/UpdatePresence",
            key,
            PresenceServiceGrpc::newBlockingStub,
            stub -> stub.updatePresence(request)));
  }

  /** The presence of every user asked for, in order, from one call; unknown users are OFFLINE. */
  public List<Presence> getPresence(List<String> userIds) {
    List<String> ids = listOrEmpty(userIds);
    requireRange("number of user ids", ids.size(), 1, Arguments.MAX_PRESENCE_BATCH);
    ids.forEach(id -> requireId("userId", id));
    GetPresenceRequest request = GetPresenceRequest.newBuilder().addAllUserIds(ids).build();
    return unary(
            "PresenceService/GetPresence",
            null,
            PresenceServiceGrpc::newBlockingStub,
            stub -> stub.getPresence(request))
        .getPresencesList()
        .stream()
        .map(ProtoMapping::toPresence)
        .toList();
  }

  /** Says a user is (or stopped) typing in a thread (the guide's {@code update_typing_status}). */
  public void updateTypingStatus(String threadId, String userId, boolean isTyping) {
    updateTypingStatus(threadId, userId, isTyping, null);
  }

  /**
   * Says a user is (or stopped) typing; idempotent on {@code idempotencyKey} like {@link
   * #updatePresence(String, PresenceStatus, String, String)}.
   *
   * @param idempotencyKey null to generate one
   */
  public void updateTypingStatus(
      String threadId, String userId, boolean isTyping, String idempotencyKey) {
    String key = IdempotencyKeys.orNew(idempotencyKey);
    UpdateTypingStatusRequest request =
        UpdateTypingStatusRequest.newBuilder()
            .setThreadId(requireId("threadId", threadId))
            .setUserId(requireId("userId", userId))
            .setIsTyping(isTyping)
            .setRequestId(key)
            .build();
    unary(
        "PresenceService/UpdateTypingStatus",
        key,
        PresenceServiceGrpc::newBlockingStub,
        stub -> stub.updateTypingStatus(request));
  }

  // ---- NotificationService -------------------------------------------------------------------

  /**
   * Sends a notification; the same {@code idempotencyKey} for the same user returns the first.
   *
   * @param idempotencyKey null to generate one
   */
  public Notification sendNotification(
      String userId,
      String title,
      String body,
      NotificationCategory category,
      Map<String, String> data,
      String idempotencyKey) {
    String key = IdempotencyKeys.orNew(idempotencyKey);
    SendNotificationRequest request =
        SendNotificationRequest.newBuilder()
            .setUserId(requireId("userId", userId))
            .setTitle(requireText("title", title, Arguments.MAX_TITLE_LENGTH))
            .setBody(maxText("body", body, 2_000))
            .setCategory(ProtoMapping.toProto(Objects.requireNonNull(category, "category")))
            .putAllData(mapOrEmpty(data))
            .setRequestId(key)
            .build();
    return ProtoMapping.toNotification(
        unary(
            "NotificationService/SendNotification",
            key,
            NotificationServiceGrpc::newBlockingStub,
            stub -> stub.sendNotification(request)));
  }

  /**
   * A page of the user's notifications, newest first.
   *
   * @param pageToken null for the first page
   */
  public NotificationPage listNotifications(
      String userId, boolean unreadOnly, int pageSize, String pageToken) {
    ListNotificationsRequest request =
        ListNotificationsRequest.newBuilder()
            .setUserId(requireId("userId", userId))
            .setUnreadOnly(unreadOnly)
            .setPageSize(requireRange("pageSize", pageSize, 1, Arguments.MAX_PAGE_SIZE))
            .setPageToken(pageToken == null ? "" : pageToken)
            .build();
    ListNotificationsResponse response =
        unary(
            "NotificationService/ListNotifications",
            null,
            NotificationServiceGrpc::newBlockingStub,
            stub -> stub.listNotifications(request));
    return new NotificationPage(
        response.getNotificationsList().stream().map(ProtoMapping::toNotification).toList(),
        response.getNextPageToken().isEmpty() ? null : response.getNextPageToken());
  }

  public Notification markNotificationRead(String userId, String notificationId) {
    MarkNotificationReadRequest request =
        MarkNotificationReadRequest.newBuilder()
            .setUserId(requireId("userId", userId))
            .setNotificationId(requireId("notificationId", notificationId))
            .build();
    return ProtoMapping.toNotification(
        unary(
            "NotificationService/MarkNotificationRead",
            null,
            NotificationServiceGrpc::newBlockingStub,
            stub -> stub.markNotificationRead(request)));
  }

  // ---- Health --------------------------------------------------------------------------------

  /**
   * Asks Midimo Chat's standard gRPC health service whether it is serving. Never throws: a failed
   * check is itself the answer.
   */
  public ServiceHealth checkHealth(Duration timeout) {
    try {
      HealthCheckResponse response =
          HealthGrpc.newBlockingStub(intercepted())
              .withDeadlineAfter(timeout.toNanos(), TimeUnit.NANOSECONDS)
              .withOption(CallTags.REQUEST_ID, RequestId.currentOrNew())
              .check(HealthCheckRequest.getDefaultInstance());
      return new ServiceHealth(
          response.getStatus() == HealthCheckResponse.ServingStatus.SERVING,
          response.getStatus().name());
    } catch (StatusRuntimeException e) {
      Status status = e.getStatus();
      String detail = status.getDescription() == null ? "" : ": " + status.getDescription();
      return new ServiceHealth(false, status.getCode() + detail);
    } finally {
      NettyThreadLocals.clearIfForeignThread();
    }
  }

  /** Closes the channels this client owns; a client over borrowed channels has none. */
  @Override
  public void close() {
    if (ownedResources != null) {
      try {
        ownedResources.close();
      } catch (Exception e) {
        throw new IllegalStateException("cannot close the Midimo Chat channel", e);
      }
    }
  }

  // ---- The one path every unary call takes ---------------------------------------------------

  /**
   * Runs one unary call: a fresh deadline, the token, the ids, and translation of the failure. On
   * {@code UNAUTHENTICATED} the token is re-minted and the call made once more (same idempotency
   * key, so a write cannot double): the secret may have been rotated under us.
   */
  private <S extends AbstractStub<S>, R> R unary(
      String rpc, String idempotencyKey, Function<Channel, S> newStub, Function<S, R> invocation) {
    String requestId = RequestId.currentOrNew();
    Channel channel = intercepted();
    for (int attempt = 1; ; attempt++) {
      String token = tokens.token();
      S stub =
          newStub
              .apply(channel)
              .withCallCredentials(JwtCallCredentials.of(token))
              .withDeadlineAfter(callTimeoutNanos, TimeUnit.NANOSECONDS)
              .withOption(CallTags.REQUEST_ID, requestId);
      if (idempotencyKey != null) {
        stub = stub.withOption(CallTags.IDEMPOTENCY_KEY, idempotencyKey);
      }
      try {
        return invocation.apply(stub);
      } catch (StatusRuntimeException e) {
        if (attempt == 1 && e.getStatus().getCode() == Status.Code.UNAUTHENTICATED) {
          tokens.invalidate(token);
          continue;
        }
        throw GrpcErrors.toException(rpc, e);
      } finally {
        NettyThreadLocals.clearIfForeignThread();
      }
    }
  }

  private Channel intercepted() {
    return ClientInterceptors.intercept(channels.next(), callLog, requestIdHeader);
  }
}
