package com.shopsuite.midimo.order;

import com.shopsuite.midimo.chat.ChatService;
import com.shopsuite.midimo.notification.NotificationService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * What an order event does in chat: the order's support thread (found, or created for the
 * customer), the order update posted in it, and the customer notified.
 *
 * <p>Each step is idempotent on the event id, so applying an event again (a redelivery after a
 * failure half-way, a producer sending it twice) finds what the first attempt made instead of
 * making it again.
 */
@ApplicationScoped
public class OrderChatUpdates {

  @Inject ChatService chat;

  @Inject NotificationService notifications;

  public void apply(OrderEvent event) {
    chat.postOrderUpdate(
        event.customerId(),
        event.orderId(),
        event.productId(),
        event.status(),
        event.message(),
        event.eventId());
    notifications.notifyOrderUpdate(
        event.customerId(), event.orderId(), event.status(), event.message(), event.eventId());
  }
}
