package com.shopsuite.midimo.notification;

/** Notifications to users. Every send is idempotent on its key, like the chat writes. */
public interface NotificationService {

  /**
   * Tells a customer their order changed status ({@code ORDER_UPDATE}).
   *
   * @param idempotencyKey optional; the same key for the same customer never notifies twice
   */
  Notification notifyOrderUpdate(
      String customerId, String orderId, String status, String message, String idempotencyKey);

  /**
   * A page of the user's notifications, newest first.
   *
   * @param pageSize 1 to 200
   * @param pageToken the previous page's {@link NotificationPage#nextPageToken()}; null for the
   *     first page
   */
  NotificationPage listNotifications(
      String userId, boolean unreadOnly, int pageSize, String pageToken);

  /** Marks one of the user's notifications read. */
  Notification markRead(String userId, String notificationId);
}
