package com.shopsuite.midimo.notification;

import java.io.Serializable;
import java.time.Instant;
import java.util.Map;

/**
 * A notification in a user's inbox.
 *
 * @param data structured details for the app, e.g. {@code order_id}, {@code status}
 * @param readAt when it was marked read; null while unread
 */
public record Notification(
    String id,
    String userId,
    String title,
    String body,
    NotificationCategory category,
    Map<String, String> data,
    Instant createdAt,
    boolean read,
    Instant readAt)
    implements Serializable {

  public Notification {
    data = Map.copyOf(data);
  }
}
