package com.midimo.chat.emulator.notification;

import com.midimo.chat.emulator.rpc.ProtoTime;
import com.midimo.chat.emulator.store.Capacity;
import com.midimo.chat.emulator.store.IdempotencyRecords;
import com.midimo.chat.emulator.store.PageToken;
import com.midimo.chat.v1.ListNotificationsRequest;
import com.midimo.chat.v1.ListNotificationsResponse;
import com.midimo.chat.v1.Notification;
import com.midimo.chat.v1.SendNotificationRequest;
import io.grpc.Status;
import java.time.Clock;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/** Every user's inbox, bounded by a cap on notifications. */
public final class NotificationStore {
  private static final String LIST_NOTIFICATIONS = "ListNotifications";

  private final Clock clock;
  private final long maxNotifications;
  private final AtomicLong sequence = new AtomicLong();
  private volatile State state;

  public NotificationStore(Clock clock, long maxNotifications) {
    this.clock = clock;
    this.maxNotifications = maxNotifications;
    this.state = new State(maxNotifications);
  }

  /** Sends a notification, or returns the one an earlier call with the same request_id created. */
  public Notification send(SendNotificationRequest request) {
    State current = state;
    Supplier<Notification> write =
        () -> {
          current.notifications.reserve();
          long id = sequence.incrementAndGet();
          Notification notification =
              Notification.newBuilder()
                  .setId("ntf_" + id)
                  .setUserId(request.getUserId())
                  .setTitle(request.getTitle())
                  .setBody(request.getBody())
                  .setCategory(request.getCategory())
                  .putAllData(request.getDataMap())
                  .setCreatedAt(ProtoTime.now(clock))
                  .build();
          current
              .inboxes
              .computeIfAbsent(request.getUserId(), user -> new Inbox())
              .add(id, notification);
          return notification;
        };
    if (request.getRequestId().isEmpty()) {
      return write.get();
    }
    return current.sends.once(
        request.getUserId() + "\n" + request.getRequestId(),
        request.toBuilder().clearRequestId().build(),
        write);
  }

  /**
   * A user's notifications, newest first.
   *
   * @param pageSize 1..200
   */
  public ListNotificationsResponse list(ListNotificationsRequest request, int pageSize) {
    int query = Objects.hash(request.getUserId(), request.getUnreadOnly());
    long before =
        request.getPageToken().isEmpty()
            ? Long.MAX_VALUE
            : PageToken.decode(LIST_NOTIFICATIONS, request.getPageToken(), query);
    Inbox inbox = state.inboxes.get(request.getUserId());
    ListNotificationsResponse.Builder response = ListNotificationsResponse.newBuilder();
    if (inbox == null) {
      return response.build();
    }
    Inbox.Page page = inbox.page(before, pageSize, request.getUnreadOnly());
    response.addAllNotifications(page.notifications());
    if (page.more()) {
      response.setNextPageToken(PageToken.encode(LIST_NOTIFICATIONS, page.last(), query));
    }
    return response.build();
  }

  /** Marks one of the user's notifications read; NOT_FOUND when the user has none with that id. */
  public Notification markRead(String userId, String notificationId) {
    Inbox inbox = state.inboxes.get(userId);
    Notification read = inbox == null ? null : inbox.markRead(notificationId, ProtoTime.now(clock));
    if (read == null) {
      throw Status.NOT_FOUND
          .withDescription("user '" + userId + "' has no notification '" + notificationId + "'")
          .asRuntimeException();
    }
    return read;
  }

  public long notificationCount() {
    return state.notifications.used();
  }

  public void clear() {
    state = new State(maxNotifications);
  }

  private static final class State {
    final Capacity notifications;
    final ConcurrentHashMap<String, Inbox> inboxes = new ConcurrentHashMap<>();
    final IdempotencyRecords<SendNotificationRequest, Notification> sends =
        IdempotencyRecords.boundedByEntities();

    State(long maxNotifications) {
      notifications = new Capacity("notifications", "--max-notifications", maxNotifications);
    }
  }
}
