package com.midimo.chat.emulator.notification;

import com.google.protobuf.Timestamp;
import com.midimo.chat.v1.Notification;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** One user's notifications, oldest first; locked as a whole, since one user's traffic is small. */
final class Inbox {
  private final ArrayList<Stored> notifications = new ArrayList<>();
  private final Map<String, Integer> positions = new HashMap<>();

  synchronized void add(long sequence, Notification notification) {
    positions.put(notification.getId(), notifications.size());
    notifications.add(new Stored(sequence, notification));
  }

  /** The notification with this id, marked read now unless it already was; null when unknown. */
  synchronized Notification markRead(String notificationId, Timestamp now) {
    Integer position = positions.get(notificationId);
    if (position == null) {
      return null;
    }
    Stored stored = notifications.get(position);
    if (!stored.notification().getRead()) {
      stored =
          new Stored(
              stored.sequence(),
              stored.notification().toBuilder().setRead(true).setReadAt(now).build());
      notifications.set(position, stored);
    }
    return stored.notification();
  }

  /**
   * Newest first, starting below {@code beforeSequence}: up to {@code limit} notifications, and
   * whether more match after them.
   */
  synchronized Page page(long beforeSequence, int limit, boolean unreadOnly) {
    List<Notification> page = new ArrayList<>(Math.min(limit, notifications.size()));
    long last = beforeSequence;
    for (int i = notifications.size() - 1; i >= 0; i--) {
      Stored stored = notifications.get(i);
      if (stored.sequence() >= beforeSequence || (unreadOnly && stored.notification().getRead())) {
        continue;
      }
      if (page.size() == limit) {
        return new Page(page, last, true);
      }
      page.add(stored.notification());
      last = stored.sequence();
    }
    return new Page(page, last, false);
  }

  /** A page, the sequence of its last notification, and whether more match after it. */
  record Page(List<Notification> notifications, long last, boolean more) {}

  private record Stored(long sequence, Notification notification) {}
}
