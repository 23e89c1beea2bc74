package com.shopsuite.midimo.rest.notification;

import com.shopsuite.midimo.notification.Notification;
import java.time.Instant;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A notification, as the API shows it. */
@Schema(name = "Notification", description = "A notification in a user's inbox")
public record NotificationView(
    @Schema(example = "ntf_0042") String notificationId,
    @Schema(example = "cust_123") String userId,
    @Schema(example = "Order order_456: Delivered") String title,
    @Schema(example = "Your order was delivered successfully!") String body,
    @Schema(
            example = "ORDER_UPDATE",
            enumeration = {"ORDER_UPDATE", "CHAT_MESSAGE", "SYSTEM"})
        String category,
    @Schema(examples = "{\"order_id\": \"order_456\", \"status\": \"Delivered\"}")
        Map<String, String> data,
    @Schema(example = "2025-01-15T09:30:00Z") Instant createdAt,
    @Schema(example = "false") boolean read,
    @Schema(description = "When it was marked read; null while unread") Instant readAt) {

  static NotificationView of(Notification notification) {
    return new NotificationView(
        notification.id(),
        notification.userId(),
        notification.title(),
        notification.body(),
        notification.category().name(),
        notification.data(),
        notification.createdAt(),
        notification.read(),
        notification.readAt());
  }
}
