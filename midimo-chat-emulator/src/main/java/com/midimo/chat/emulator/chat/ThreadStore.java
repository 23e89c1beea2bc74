package com.midimo.chat.emulator.chat;

import com.google.protobuf.Timestamp;
import com.midimo.chat.emulator.rpc.ProtoTime;
import com.midimo.chat.emulator.store.Capacity;
import com.midimo.chat.emulator.store.IdempotencyRecords;
import com.midimo.chat.emulator.store.PageToken;
import com.midimo.chat.v1.AddParticipantsRequest;
import com.midimo.chat.v1.CreateThreadRequest;
import com.midimo.chat.v1.FindThreadsRequest;
import com.midimo.chat.v1.FindThreadsResponse;
import com.midimo.chat.v1.GetThreadMessagesResponse;
import com.midimo.chat.v1.Message;
import com.midimo.chat.v1.SendMessageRequest;
import com.midimo.chat.v1.Thread;
import com.midimo.chat.v1.ThreadOrder;
import com.midimo.chat.v1.UpdateThreadMetadataRequest;
import io.grpc.Status;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Every thread and message the emulator holds, in memory, bounded by two caps (threads, messages).
 *
 * <p>A reset swaps the whole state for an empty one; each operation works on the state it started
 * with. Sequence numbers are never reset, so an id handed out before a reset is never reused.
 */
public final class ThreadStore {
  private static final String FIND_THREADS = "FindThreads";

  /**
   * AddParticipants request ids remembered, the most recently used. Adding creates nothing that a
   * cap bounds, so neither would its records be; a forgotten key applied again adds nobody twice.
   */
  static final int REMEMBERED_ADDITIONS = 100_000;

  private final Clock clock;
  private final ThreadEventHub hub;
  private final long maxThreads;
  private final long maxMessages;
  private final AtomicLong threadSequence = new AtomicLong();
  private final AtomicLong messageSequence = new AtomicLong();
  private volatile State state;

  public ThreadStore(Clock clock, ThreadEventHub hub, long maxThreads, long maxMessages) {
    this.clock = clock;
    this.hub = hub;
    this.maxThreads = maxThreads;
    this.maxMessages = maxMessages;
    this.state = new State(maxThreads, maxMessages);
  }

  /**
   * Creates a thread, or returns the one an earlier call with the same request_id created.
   *
   * @param participants the creator first, then the others, without duplicates
   */
  public Thread create(CreateThreadRequest request, List<String> participants) {
    State current = state;
    Supplier<Thread> write =
        () -> {
          current.threads.reserve();
          long sequence = threadSequence.incrementAndGet();
          Timestamp now = ProtoTime.now(clock);
          Thread created =
              Thread.newBuilder()
                  .setId("thr_" + sequence)
                  .setTitle(request.getTitle())
                  .setCreatorId(request.getUserId())
                  .addAllParticipants(participants)
                  .putAllMetadata(request.getMetadataMap())
                  .setCreatedAt(now)
                  .setUpdatedAt(now)
                  .build();
          current.add(new ChatThread(sequence, created));
          return created;
        };
    if (request.getRequestId().isEmpty()) {
      return write.get();
    }
    return current.creates.once(
        request.getRequestId(), request.toBuilder().clearRequestId().build(), write);
  }

  /** The thread with this id, or NOT_FOUND. */
  public Thread get(String threadId) {
    return require(state, threadId).toProto();
  }

  /** Whether a thread exists and the user may post to it: NOT_FOUND, PERMISSION_DENIED. */
  public void requireParticipant(String threadId, String userId) {
    requireParticipant(require(state, threadId), userId);
  }

  /**
   * Posts a message, or returns the one an earlier call with the same request_id in this thread
   * created.
   */
  public Message send(SendMessageRequest request) {
    State current = state;
    ChatThread thread = require(current, request.getThreadId());
    requireParticipant(thread, request.getUserId());
    Supplier<Message> write =
        () -> {
          current.messages.reserve();
          return thread.post(request, messageSequence, ProtoTime.now(clock), hub);
        };
    if (request.getRequestId().isEmpty()) {
      return write.get();
    }
    return current.sends.once(
        thread.id() + "\n" + request.getRequestId(),
        request.toBuilder().clearRequestId().build(),
        write);
  }

  /**
   * Adds to a thread the users who are not participants yet, or returns what an earlier call with
   * the same request_id in this thread returned.
   *
   * @param request validated: 1 to {@code maxParticipants} ids
   */
  public Thread addParticipants(AddParticipantsRequest request, int maxParticipants) {
    State current = state;
    ChatThread thread = require(current, request.getThreadId());
    Supplier<Thread> write =
        () ->
            thread.addParticipants(
                request.getParticipantsList(),
                maxParticipants,
                ProtoTime.now(clock),
                hub,
                userId -> current.indexParticipant(thread, userId));
    return inThread(
        current.additions,
        thread,
        request.getRequestId(),
        request.toBuilder().clearRequestId().build(),
        write);
  }

  /**
   * Sets metadata pairs of a thread if the values it expects hold; indexed before the change is
   * visible, so that a caller who sees the answer finds the thread by its new pairs.
   *
   * @param request validated: at least one pair to set, both maps within the metadata limits
   */
  public Thread updateMetadata(UpdateThreadMetadataRequest request) {
    State current = state;
    ChatThread thread = require(current, request.getThreadId());
    Supplier<Thread> write =
        () ->
            thread.updateMetadata(
                request.getSetMap(),
                request.getExpectedMap(),
                ProtoTime.now(clock),
                (key, value) -> current.indexMetadata(thread, key, value));
    return inThread(
        current.metadataUpdates,
        thread,
        request.getRequestId(),
        request.toBuilder().clearRequestId().build(),
        write);
  }

  /** A change of a thread, once per request id in that thread (no request id: every time). */
  private static <R extends com.google.protobuf.Message> Thread inThread(
      IdempotencyRecords<R, Thread> records,
      ChatThread thread,
      String requestId,
      R payload,
      Supplier<Thread> write) {
    if (requestId.isEmpty()) {
      return write.get();
    }
    return records.once(thread.id() + "\n" + requestId, payload, write);
  }

  /** A page of a thread's messages, read backwards from {@code beforeId}. */
  public GetThreadMessagesResponse messages(String threadId, int limit, String beforeId) {
    return require(state, threadId).page(limit, beforeId);
  }

  /**
   * Threads matching every filter given, in the order asked for.
   *
   * @param request validated, with at least one filter and a known order
   * @param pageSize 1..200
   */
  public FindThreadsResponse find(FindThreadsRequest request, int pageSize) {
    State current = state;
    int query = query(request);
    NavigableSet<Long> candidates = current.candidates(request);
    if (request.getOrder() == ThreadOrder.THREAD_ORDER_RECENT_ACTIVITY) {
      Iterable<ChatThread> matching =
          () ->
              candidates.stream()
                  .map(current.bySequence::get)
                  .filter(thread -> thread != null && matches(thread, request))
                  .iterator();
      return RecentActivityPages.page(
          FIND_THREADS, matching, request.getPageToken(), query, pageSize);
    }
    long after =
        request.getPageToken().isEmpty()
            ? 0
            : PageToken.decode(FIND_THREADS, request.getPageToken(), query);
    FindThreadsResponse.Builder response = FindThreadsResponse.newBuilder();
    long last = after;
    for (long sequence : candidates.tailSet(after, false)) {
      ChatThread thread = current.bySequence.get(sequence);
      if (thread == null || !matches(thread, request)) {
        continue;
      }
      if (response.getThreadsCount() == pageSize) {
        response.setNextPageToken(PageToken.encode(FIND_THREADS, last, query));
        break;
      }
      response.addThreads(thread.toProto());
      last = sequence;
    }
    return response.build();
  }

  public long threadCount() {
    return state.threads.used();
  }

  public long messageCount() {
    return state.messages.used();
  }

  /** Forgets every thread, message and idempotency record. */
  public void clear() {
    state = new State(maxThreads, maxMessages);
  }

  /**
   * What a page token is bound to: the filters and the order, not the page. Oldest first asked for
   * by name is the same query as the default order.
   */
  private static int query(FindThreadsRequest request) {
    FindThreadsRequest.Builder query = request.toBuilder().clearPageSize().clearPageToken();
    if (query.getOrder() == ThreadOrder.THREAD_ORDER_OLDEST_FIRST) {
      query.clearOrder();
    }
    return query.build().hashCode();
  }

  private static boolean matches(ChatThread thread, FindThreadsRequest request) {
    return (request.getParticipant().isEmpty() || thread.hasParticipant(request.getParticipant()))
        && thread.hasMetadata(request.getMetadataMap());
  }

  private static ChatThread require(State current, String threadId) {
    ChatThread thread = current.byId.get(threadId);
    if (thread == null) {
      throw Status.NOT_FOUND
          .withDescription("thread '" + threadId + "' not found")
          .asRuntimeException();
    }
    return thread;
  }

  private static void requireParticipant(ChatThread thread, String userId) {
    if (!thread.hasParticipant(userId)) {
      throw Status.PERMISSION_DENIED
          .withDescription(
              "user '" + userId + "' is not a participant of thread '" + thread.id() + "'")
          .asRuntimeException();
    }
  }

  /** Everything a reset forgets. */
  private static final class State {
    final Capacity threads;
    final Capacity messages;
    final ConcurrentHashMap<String, ChatThread> byId = new ConcurrentHashMap<>();
    final ConcurrentSkipListMap<Long, ChatThread> bySequence = new ConcurrentSkipListMap<>();

    /**
     * Thread sequences by participant and by metadata pair, so FindThreads reads the threads of one
     * user or one order instead of every thread.
     */
    final ConcurrentHashMap<String, NavigableSet<Long>> index = new ConcurrentHashMap<>();

    final IdempotencyRecords<CreateThreadRequest, Thread> creates =
        IdempotencyRecords.boundedByEntities();
    final IdempotencyRecords<SendMessageRequest, Message> sends =
        IdempotencyRecords.boundedByEntities();
    final IdempotencyRecords<AddParticipantsRequest, Thread> additions =
        IdempotencyRecords.leastRecentlyUsed(REMEMBERED_ADDITIONS);
    final IdempotencyRecords<UpdateThreadMetadataRequest, Thread> metadataUpdates =
        IdempotencyRecords.leastRecentlyUsed(REMEMBERED_ADDITIONS);

    State(long maxThreads, long maxMessages) {
      this.threads = new Capacity("threads", "--max-threads", maxThreads);
      this.messages = new Capacity("messages", "--max-messages", maxMessages);
    }

    void add(ChatThread thread) {
      byId.put(thread.id(), thread);
      bySequence.put(thread.sequence(), thread);
      Thread proto = thread.toProto();
      for (String participant : proto.getParticipantsList()) {
        indexParticipant(thread, participant);
      }
      for (Map.Entry<String, String> pair : proto.getMetadataMap().entrySet()) {
        indexMetadata(thread, pair.getKey(), pair.getValue());
      }
    }

    /** A pair the thread holds now; the index keeps the pairs it held before (readers recheck). */
    void indexMetadata(ChatThread thread, String key, String value) {
      indexed(metadataKey(key, value)).add(thread.sequence());
    }

    void indexParticipant(ChatThread thread, String userId) {
      indexed(participantKey(userId)).add(thread.sequence());
    }

    /** The threads that may match: those of the participant, else those of one metadata pair. */
    NavigableSet<Long> candidates(FindThreadsRequest request) {
      List<String> keys = new ArrayList<>();
      if (!request.getParticipant().isEmpty()) {
        keys.add(participantKey(request.getParticipant()));
      }
      request.getMetadataMap().forEach((key, value) -> keys.add(metadataKey(key, value)));
      NavigableSet<Long> found = index.get(keys.get(0));
      return found != null ? found : new ConcurrentSkipListSet<>();
    }

    private NavigableSet<Long> indexed(String key) {
      return index.computeIfAbsent(key, k -> new ConcurrentSkipListSet<>());
    }

    private static String participantKey(String userId) {
      return "p\0" + userId;
    }

    private static String metadataKey(String key, String value) {
      return "m\0" + key + "\0" + value;
    }
  }
}
