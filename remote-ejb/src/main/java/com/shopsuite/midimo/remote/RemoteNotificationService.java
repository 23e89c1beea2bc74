package com.shopsuite.midimo.remote;

import com.shopsuite.midimo.notification.Notification;
import com.shopsuite.midimo.notification.NotificationPage;
import com.shopsuite.midimo.notification.NotificationService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Remote;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.interceptor.Interceptors;
import org.jboss.ejb3.annotation.SecurityDomain;

/**
 * {@link NotificationService} for the rest of the suite: {@code
 * ejb:/midimo-chat-remote/NotificationService}.
 */
@Stateless(name = "NotificationService")
@Remote(NotificationService.class)
@SecurityDomain(SuiteService.SECURITY_DOMAIN)
@RolesAllowed(SuiteService.ROLE)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
@Interceptors(DetachedFailures.class)
public class RemoteNotificationService implements NotificationService {

  @EJB(
      lookup =
          SuiteService.APPLICATION
              + "NotificationServiceBean!com.shopsuite.midimo.notification.NotificationService")
  NotificationService notifications;

  @Override
  public Notification notifyOrderUpdate(
      String customerId, String orderId, String status, String message, String idempotencyKey) {
    return notifications.notifyOrderUpdate(customerId, orderId, status, message, idempotencyKey);
  }

  @Override
  public NotificationPage listNotifications(
      String userId, boolean unreadOnly, int pageSize, String pageToken) {
    return notifications.listNotifications(userId, unreadOnly, pageSize, pageToken);
  }

  @Override
  public Notification markRead(String userId, String notificationId) {
    return notifications.markRead(userId, notificationId);
  }
}
