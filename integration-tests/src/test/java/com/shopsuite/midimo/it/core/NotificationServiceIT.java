package com.shopsuite.midimo.it.core;

import static org.assertj.core.api.Assertions.assertThat;

import com.shopsuite.midimo.it.Deployments;
import com.shopsuite.midimo.it.Emulator;
import com.shopsuite.midimo.notification.Notification;
import com.shopsuite.midimo.notification.NotificationCategory;
import com.shopsuite.midimo.notification.NotificationPage;
import com.shopsuite.midimo.notification.NotificationService;
import io.grpc.Status;
import jakarta.inject.Inject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The NotificationService EJB against the emulator. */
@ExtendWith(ArquillianExtension.class)
class NotificationServiceIT {

  @Deployment
  static EnterpriseArchive deployment() {
    return Deployments.applicationWith(NotificationServiceIT.class);
  }

  @Inject NotificationService notifications;

  @BeforeEach
  void emptyMidimoChat() {
    Emulator.reset();
  }

  @Test
  void notifyOrderUpdate_withTheSameKey_notifiesOnce_evenAcrossARetry() {
    Emulator.failNext("NotificationService/SendNotification", 1, Status.Code.UNAVAILABLE);

    Notification first =
        notifications.notifyOrderUpdate("c1", "o1", "Shipped", "On its way", "event-7");
    Notification again =
        notifications.notifyOrderUpdate("c1", "o1", "Shipped", "On its way", "event-7");

    assertThat(again.id()).isEqualTo(first.id());
    assertThat(first.category()).isEqualTo(NotificationCategory.ORDER_UPDATE);
    assertThat(first.title()).isEqualTo("Order o1: Shipped");
    assertThat(first.body()).isEqualTo("On its way");
    assertThat(first.data()).containsEntry("order_id", "o1").containsEntry("status", "Shipped");
    assertThat(Emulator.stats().getNotifications()).isEqualTo(1);
    assertThat(Emulator.calls("NotificationService/SendNotification")).isEqualTo(3);
  }

  @Test
  void listNotifications_pagesNewestFirst_andMarkReadLeavesOnlyTheUnread() {
    for (int i = 0; i < 5; i++) {
      notifications.notifyOrderUpdate("c2", "o" + i, "Paid", null, "paid-" + i);
    }
    NotificationPage firstPage = notifications.listNotifications("c2", false, 3, null);
    NotificationPage secondPage =
        notifications.listNotifications("c2", false, 3, firstPage.nextPageToken());

    notifications.markRead("c2", firstPage.notifications().get(0).id());
    NotificationPage unread = notifications.listNotifications("c2", true, 10, null);

    assertThat(firstPage.notifications())
        .extracting(Notification::title)
        .containsExactly("Order o4: Paid", "Order o3: Paid", "Order o2: Paid");
    assertThat(secondPage.notifications())
        .extracting(Notification::title)
        .containsExactly("Order o1: Paid", "Order o0: Paid");
    assertThat(secondPage.next()).isEmpty();
    assertThat(unread.notifications()).hasSize(4).noneMatch(n -> n.title().contains("o4"));
  }
}
