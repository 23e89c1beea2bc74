package com.shopsuite.midimo.core.notification;

import static com.shopsuite.midimo.client.Arguments.requireId;

import com.shopsuite.midimo.client.IdempotencyKeys;
import com.shopsuite.midimo.client.MidimoChatClient;
import com.shopsuite.midimo.core.connection.MidimoChatChannels;
import com.shopsuite.midimo.core.resilience.FaultToleranceTranslator;
import com.shopsuite.midimo.notification.Notification;
import com.shopsuite.midimo.notification.NotificationCategory;
import com.shopsuite.midimo.notification.NotificationPage;
import com.shopsuite.midimo.notification.NotificationService;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.ejb.Local;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.Map;

/** Notifications through Midimo Chat. Outside JTA, like every call to it. */
@Stateless
@Local(NotificationService.class)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class NotificationServiceBean implements NotificationService {

  @EJB MidimoChatChannels channels;

  @Inject FaultToleranceTranslator guarded;

  private MidimoChatClient client;

  @PostConstruct
  void borrowClient() {
    client = channels.client();
  }

  @Override
  public Notification notifyOrderUpdate(
      String customerId, String orderId, String status, String message, String idempotencyKey) {
    requireId("orderId", orderId);
    requireId("status", status);
    String key = IdempotencyKeys.orNew(idempotencyKey);
    String title = "Order " + orderId + ": " + status;
    String body = message == null || message.isBlank() ? title : message;
    return guarded.call(
        () ->
            client.sendNotification(
                customerId,
                title,
                body,
                NotificationCategory.ORDER_UPDATE,
                Map.of("order_id", orderId, "status", status),
                key));
  }

  @Override
  public NotificationPage listNotifications(
      String userId, boolean unreadOnly, int pageSize, String pageToken) {
    return guarded.call(() -> client.listNotifications(userId, unreadOnly, pageSize, pageToken));
  }

  @Override
  public Notification markRead(String userId, String notificationId) {
    return guarded.call(() -> client.markNotificationRead(userId, notificationId));
  }
}
