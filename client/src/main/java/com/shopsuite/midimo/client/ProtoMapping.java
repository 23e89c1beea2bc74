package com.shopsuite.midimo.client;

import com.google.protobuf.Timestamp;
import com.midimo.chat.v1.Message;
import com.midimo.chat.v1.Thread;
import com.shopsuite.midimo.chat.ChatMessage;
import com.shopsuite.midimo.chat.ChatThread;
import com.shopsuite.midimo.chat.ThreadEvent;
import com.shopsuite.midimo.notification.Notification;
import com.shopsuite.midimo.notification.NotificationCategory;
import com.shopsuite.midimo.presence.Presence;
import com.shopsuite.midimo.presence.PresenceStatus;
import java.time.Instant;
import java.util.Optional;

/** Translation at the edge: proto types in, the application's own types out (and back). */
final class ProtoMapping {

  private ProtoMapping() {}

  static ChatThread toThread(Thread thread) {
    return new ChatThread(
        thread.getId(),
        thread.getTitle(),
        thread.getCreatorId(),
        thread.getParticipantsList(),
        thread.getMetadataMap(),
        toInstant(thread.hasCreatedAt(), thread.getCreatedAt()),
        toInstant(thread.hasUpdatedAt(), thread.getUpdatedAt()));
  }

  static ChatMessage toMessage(Message message) {
    return new ChatMessage(
        message.getId(),
        message.getThreadId(),
        message.getUserId(),
        message.getContent(),
        message.getAttachmentIdsList(),
        message.getMetadataMap(),
        toInstant(message.hasCreatedAt(), message.getCreatedAt()));
  }

  /** Empty for an event kind this version of the contract does not know (newer server). */
  static Optional<ThreadEvent> toEvent(com.midimo.chat.v1.ThreadEvent event) {
    Instant at = toInstant(event.hasOccurredAt(), event.getOccurredAt());
    return switch (event.getEventCase()) {
      case MESSAGE_CREATED ->
          Optional.of(
              new ThreadEvent.MessagePosted(
                  event.getThreadId(), at, toMessage(event.getMessageCreated())));
      case TYPING_CHANGED -> {
        var typing = event.getTypingChanged();
        yield Optional.of(
            new ThreadEvent.TypingChanged(
                event.getThreadId(),
                at,
                typing.getUserId(),
                typing.getIsTyping(),
                toInstant(typing.hasExpiresAt(), typing.getExpiresAt())));
      }
      case PARTICIPANTS_ADDED ->
          Optional.of(
              new ThreadEvent.ParticipantsAdded(
                  event.getThreadId(), at, event.getParticipantsAdded().getUserIdsList()));
      case EVENT_NOT_SET -> Optional.empty();
    };
  }

  static Presence toPresence(com.midimo.chat.v1.Presence presence) {
    return new Presence(
        presence.getUserId(),
        toStatus(presence.getStatus()),
        presence.getCustomStatus(),
        toInstant(presence.hasUpdatedAt(), presence.getUpdatedAt()));
  }

  static com.midimo.chat.v1.PresenceStatus toProto(PresenceStatus status) {
    return switch (status) {
      case ONLINE -> com.midimo.chat.v1.PresenceStatus.ONLINE;
      case AWAY -> com.midimo.chat.v1.PresenceStatus.AWAY;
      case BUSY -> com.midimo.chat.v1.PresenceStatus.BUSY;
      case OFFLINE -> com.midimo.chat.v1.PresenceStatus.OFFLINE;
    };
  }

  static Notification toNotification(com.midimo.chat.v1.Notification notification) {
    return new Notification(
        notification.getId(),
        notification.getUserId(),
        notification.getTitle(),
        notification.getBody(),
        toCategory(notification.getCategory()),
        notification.getDataMap(),
        toInstant(notification.hasCreatedAt(), notification.getCreatedAt()),
        notification.getRead(),
        toInstant(notification.hasReadAt(), notification.getReadAt()));
  }

  static com.midimo.chat.v1.NotificationCategory toProto(NotificationCategory category) {
    return switch (category) {
      case ORDER_UPDATE -> com.midimo.chat.v1.NotificationCategory.ORDER_UPDATE;
      case CHAT_MESSAGE -> com.midimo.chat.v1.NotificationCategory.CHAT_MESSAGE;
      case SYSTEM -> com.midimo.chat.v1.NotificationCategory.SYSTEM;
    };
  }

  /** A status this version does not know reads as OFFLINE: "not available" is the safe answer. */
  private static PresenceStatus toStatus(com.midimo.chat.v1.PresenceStatus status) {
    return switch (status) {
      case ONLINE -> PresenceStatus.ONLINE;
      case AWAY -> PresenceStatus.AWAY;
      case BUSY -> PresenceStatus.BUSY;
      case OFFLINE, PRESENCE_STATUS_UNSPECIFIED, UNRECOGNIZED -> PresenceStatus.OFFLINE;
    };
  }

  /** A category this version does not know reads as SYSTEM. */
  private static NotificationCategory toCategory(com.midimo.chat.v1.NotificationCategory category) {
    return switch (category) {
      case ORDER_UPDATE -> NotificationCategory.ORDER_UPDATE;
      case CHAT_MESSAGE -> NotificationCategory.CHAT_MESSAGE;
      case SYSTEM, NOTIFICATION_CATEGORY_UNSPECIFIED, UNRECOGNIZED -> NotificationCategory.SYSTEM;
    };
  }

  private static Instant toInstant(boolean present, Timestamp timestamp) {
    return present ? Instant.ofEpochSecond(timestamp.getSeconds(), timestamp.getNanos()) : null;
  }
}
