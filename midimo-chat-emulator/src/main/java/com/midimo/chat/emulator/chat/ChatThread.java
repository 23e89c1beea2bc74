package com.midimo.chat.emulator.chat;

import com.google.protobuf.Timestamp;
import com.midimo.chat.emulator.rpc.FieldLimits;
import com.midimo.chat.v1.GetThreadMessagesResponse;
import com.midimo.chat.v1.Message;
import com.midimo.chat.v1.ParticipantsAdded;
import com.midimo.chat.v1.SendMessageRequest;
import com.midimo.chat.v1.Thread;
import com.midimo.chat.v1.ThreadEvent;
import io.grpc.Status;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * One thread and its messages. Posting, adding participants and paging lock the thread, so a
 * thread's messages are held in id order and its stream subscribers see its changes in the order
 * they happened.
 */
final class ChatThread {
  private final long sequence;
  // Replaced, never changed in place: readers (FindThreads, the participant checks) take no lock.
  private volatile Set<String> participants;
  // Replaced, never changed in place, like the participants.
  private volatile Map<String, String> metadata;
  private final ArrayList<Posted> messages = new ArrayList<>();
  private volatile Thread snapshot;

  ChatThread(long sequence, Thread created) {
    this.sequence = sequence;
    this.participants = Set.copyOf(created.getParticipantsList());
    this.metadata = Map.copyOf(created.getMetadataMap());
    this.snapshot = created;
  }

  long sequence() {
    return sequence;
  }

  String id() {
    return snapshot.getId();
  }

  Thread toProto() {
    return snapshot;
  }

  boolean hasParticipant(String userId) {
    return participants.contains(userId);
  }

  /** Whether the thread holds every one of these metadata pairs. */
  boolean hasMetadata(Map<String, String> pairs) {
    for (Map.Entry<String, String> pair : pairs.entrySet()) {
      if (!pair.getValue().equals(metadata.get(pair.getKey()))) {
        return false;
      }
    }
    return true;
  }

  /**
   * Appends a message and tells the thread's subscribers, both under the thread's lock: the id is
   * drawn under it too, so list order, id order and event order are the same.
   */
  synchronized Message post(
      SendMessageRequest request, AtomicLong messageSequence, Timestamp now, ThreadEventHub hub) {
    long messageSeq = messageSequence.incrementAndGet();
    Message message =
        Message.newBuilder()
            .setId(MessageIds.format(messageSeq))
            .setThreadId(id())
            .setUserId(request.getUserId())
            .setContent(request.getContent())
            .addAllAttachmentIds(request.getAttachmentIdsList())
            .putAllMetadata(request.getMetadataMap())
            .setCreatedAt(now)
            .build();
    messages.add(new Posted(messageSeq, message));
    snapshot = snapshot.toBuilder().setUpdatedAt(now).build();
    hub.publish(
        ThreadEvent.newBuilder()
            .setThreadId(id())
            .setOccurredAt(now)
            .setMessageCreated(message)
            .build());
    return message;
  }

  /**
   * Adds the users who are not participants yet, in the order given, and tells the thread's
   * subscribers who was added; nothing changes and nothing is published when every one already is.
   *
   * @param index told of each user added before the change is visible, so a caller who sees the
   *     event or the answer finds the thread by that participant
   * @return the thread afterwards
   */
  synchronized Thread addParticipants(
      List<String> userIds,
      int maxParticipants,
      Timestamp now,
      ThreadEventHub hub,
      Consumer<String> index) {
    Set<String> after = new LinkedHashSet<>(snapshot.getParticipantsList());
    List<String> added = new ArrayList<>();
    for (String userId : userIds) {
      if (after.add(userId)) {
        added.add(userId);
      }
    }
    if (added.isEmpty()) {
      return snapshot;
    }
    if (after.size() > maxParticipants) {
      throw FieldLimits.invalid(
          "thread '"
              + id()
              + "' would have more than "
              + maxParticipants
              + " participants, creator included");
    }
    added.forEach(index);
    participants = Set.copyOf(after);
    snapshot = snapshot.toBuilder().addAllParticipants(added).setUpdatedAt(now).build();
    hub.publish(
        ThreadEvent.newBuilder()
            .setThreadId(id())
            .setOccurredAt(now)
            .setParticipantsAdded(ParticipantsAdded.newBuilder().addAllUserIds(added))
            .build());
    return snapshot;
  }

  /**
   * Sets the pairs if every expected value holds now (an empty one: the key is absent).
   *
   * @param index told of each pair set before the change is visible
   * @return the thread afterwards
   */
  synchronized Thread updateMetadata(
      Map<String, String> set,
      Map<String, String> expected,
      Timestamp now,
      BiConsumer<String, String> index) {
    for (Map.Entry<String, String> pair : expected.entrySet()) {
      String value = metadata.getOrDefault(pair.getKey(), "");
      if (!value.equals(pair.getValue())) {
        throw Status.FAILED_PRECONDITION
            .withDescription(
                "thread '" + id() + "': metadata '" + pair.getKey() + "' is not the value expected")
            .asRuntimeException();
      }
    }
    Map<String, String> after = new LinkedHashMap<>(metadata);
    after.putAll(set);
    FieldLimits.metadata("metadata", after);
    set.forEach(index);
    metadata = Map.copyOf(after);
    snapshot = snapshot.toBuilder().clearMetadata().putAllMetadata(after).setUpdatedAt(now).build();
    return snapshot;
  }

  /**
   * Up to {@code limit} messages older than {@code beforeId} (the newest ones when it is empty),
   * oldest first.
   */
  synchronized GetThreadMessagesResponse page(int limit, String beforeId) {
    int end = messages.size();
    if (!beforeId.isEmpty()) {
      end = indexOf(beforeId);
    }
    int start = Math.max(0, end - limit);
    List<Message> page = new ArrayList<>(end - start);
    for (int i = start; i < end; i++) {
      page.add(messages.get(i).message());
    }
    return GetThreadMessagesResponse.newBuilder()
        .addAllMessages(page)
        .setHasMore(start > 0)
        .build();
  }

  private int indexOf(String messageId) {
    OptionalLong wanted = MessageIds.parse(messageId);
    if (wanted.isPresent()) {
      int low = 0;
      int high = messages.size() - 1;
      while (low <= high) {
        int middle = (low + high) >>> 1;
        long seq = messages.get(middle).sequence();
        if (seq < wanted.getAsLong()) {
          low = middle + 1;
        } else if (seq > wanted.getAsLong()) {
          high = middle - 1;
        } else {
          return middle;
        }
      }
    }
    throw FieldLimits.invalid(
        "before_id '" + messageId + "' is not a message of thread '" + id() + "'");
  }

  private record Posted(long sequence, Message message) {}
}
