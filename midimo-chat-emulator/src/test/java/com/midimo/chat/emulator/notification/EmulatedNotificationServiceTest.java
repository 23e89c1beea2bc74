package com.midimo.chat.emulator.notification;

import static com.midimo.chat.emulator.GrpcAssertions.assertFails;
import static org.assertj.core.api.Assertions.assertThat;

import com.midimo.chat.emulator.InProcessEmulator;
import com.midimo.chat.v1.ListNotificationsRequest;
import com.midimo.chat.v1.ListNotificationsResponse;
import com.midimo.chat.v1.MarkNotificationReadRequest;
import com.midimo.chat.v1.Notification;
import com.midimo.chat.v1.NotificationCategory;
import com.midimo.chat.v1.NotificationServiceGrpc.NotificationServiceBlockingStub;
import com.midimo.chat.v1.SendNotificationRequest;
import io.grpc.Status.Code;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class EmulatedNotificationServiceTest {
  private static final Clock FROZEN =
      Clock.fixed(Instant.parse("2026-11-23T10:00:00Z"), ZoneOffset.UTC);

  private InProcessEmulator emulator = InProcessEmulator.start(config -> config.clock(FROZEN));
  private NotificationServiceBlockingStub notifications = emulator.notifications();

  @AfterEach
  void stopEmulator() throws InterruptedException {
    emulator.close();
  }

  @Test
  void sendNotification_storesAnUnreadNotification() {
    Notification sent =
        notifications.sendNotification(
            notification("customer_1", "Order shipped")
                .setBody("Your order order_456 is on its way")
                .putData("order_id", "order_456")
                .build());

    assertThat(sent.getId()).isNotEmpty();
    assertThat(sent.getUserId()).isEqualTo("customer_1");
    assertThat(sent.getCategory()).isEqualTo(NotificationCategory.ORDER_UPDATE);
    assertThat(sent.getDataMap()).containsEntry("order_id", "order_456");
    assertThat(sent.getRead()).isFalse();
    assertThat(sent.hasReadAt()).isFalse();
    assertThat(sent.getCreatedAt().getSeconds()).isEqualTo(FROZEN.instant().getEpochSecond());
  }

  @Test
  void sendNotification_isIdempotentPerUserAndRequestId() {
    SendNotificationRequest request =
        notification("customer_1", "Order shipped").setRequestId("n-1").build();

    Notification first = notifications.sendNotification(request);
    Notification again = notifications.sendNotification(request);
    Notification otherUser =
        notifications.sendNotification(
            notification("customer_2", "Order shipped").setRequestId("n-1").build());

    assertThat(again).isEqualTo(first);
    assertThat(otherUser.getId()).isNotEqualTo(first.getId());
    assertThat(list("customer_1", 0, "", false).getNotificationsList()).containsExactly(first);
    assertFails(
        () ->
            notifications.sendNotification(
                notification("customer_1", "Order delivered").setRequestId("n-1").build()),
        Code.ALREADY_EXISTS,
        "different payload");
  }

  @Test
  void sendNotification_rejectsFieldsBeyondTheirLimits() {
    assertFails(
        () ->
            notifications.sendNotification(
                notification("customer_1", "t")
                    .setCategory(NotificationCategory.NOTIFICATION_CATEGORY_UNSPECIFIED)
                    .build()),
        Code.INVALID_ARGUMENT,
        "category is required");
    assertFails(
        () -> notifications.sendNotification(notification("customer_1", "").build()),
        Code.INVALID_ARGUMENT,
        "title is required");
    assertFails(
        () -> notifications.sendNotification(notification("", "t").build()),
        Code.INVALID_ARGUMENT,
        "user_id is required");
    assertFails(
        () -> notifications.sendNotification(notification("customer_1", "t".repeat(201)).build()),
        Code.INVALID_ARGUMENT,
        "title exceeds 200 characters");
    assertFails(
        () ->
            notifications.sendNotification(
                notification("customer_1", "t").setBody("b".repeat(2_001)).build()),
        Code.INVALID_ARGUMENT,
        "body exceeds 2000 characters");
  }

  @Test
  void sendNotification_failsWithResourceExhaustedPastTheCap() throws InterruptedException {
    emulator.close();
    emulator = InProcessEmulator.start(config -> config.maxNotifications(1));
    notifications = emulator.notifications();
    notifications.sendNotification(notification("customer_1", "one").build());

    assertFails(
        () -> notifications.sendNotification(notification("customer_2", "two").build()),
        Code.RESOURCE_EXHAUSTED,
        "maximum of 1 notifications (--max-notifications)");
  }

  @Test
  void listNotifications_returnsTheUsersNotificationsNewestFirstInPages() {
    List<String> sent = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      sent.add(notifications.sendNotification(notification("customer_1", "n" + i).build()).getId());
      notifications.sendNotification(notification("customer_2", "other" + i).build());
    }
    Collections.reverse(sent);

    List<String> read = new ArrayList<>();
    String token = "";
    int pages = 0;
    do {
      ListNotificationsResponse page = list("customer_1", 2, token, false);
      page.getNotificationsList().forEach(n -> read.add(n.getId()));
      token = page.getNextPageToken();
      pages++;
    } while (!token.isEmpty());

    assertThat(read).containsExactlyElementsOf(sent);
    assertThat(pages).isEqualTo(3);
    assertThat(list("nobody", 0, "", false).getNotificationsList()).isEmpty();
  }

  @Test
  void listNotifications_unreadOnlyLeavesOutReadOnes() {
    Notification first = notifications.sendNotification(notification("customer_1", "a").build());
    Notification second = notifications.sendNotification(notification("customer_1", "b").build());
    Notification third = notifications.sendNotification(notification("customer_1", "c").build());
    markRead("customer_1", second.getId());

    ListNotificationsResponse unread = list("customer_1", 0, "", true);

    assertThat(unread.getNotificationsList())
        .extracting(Notification::getId)
        .containsExactly(third.getId(), first.getId());
    assertThat(list("customer_1", 0, "", false).getNotificationsCount()).isEqualTo(3);
  }

  @Test
  void listNotifications_rejectsAPageTokenOfAnotherQuery() {
    notifications.sendNotification(notification("customer_1", "a").build());
    notifications.sendNotification(notification("customer_1", "b").build());
    String token = list("customer_1", 1, "", false).getNextPageToken();
    assertThat(token).isNotEmpty();

    assertFails(
        () -> list("customer_1", 1, token, true),
        Code.INVALID_ARGUMENT,
        "page_token is not one this rpc issued");
    assertFails(
        () -> list("customer_2", 1, token, false),
        Code.INVALID_ARGUMENT,
        "page_token is not one this rpc issued");
    assertFails(() -> list("", 1, "", false), Code.INVALID_ARGUMENT, "user_id is required");
  }

  @Test
  void markNotificationRead_setsReadAtOnceAndChangesNothingTheSecondTime() {
    Notification sent = notifications.sendNotification(notification("customer_1", "a").build());

    Notification read = markRead("customer_1", sent.getId());
    Notification again = markRead("customer_1", sent.getId());

    assertThat(read.getRead()).isTrue();
    assertThat(read.getReadAt().getSeconds()).isEqualTo(FROZEN.instant().getEpochSecond());
    assertThat(again).isEqualTo(read);
    assertThat(list("customer_1", 0, "", false).getNotifications(0)).isEqualTo(read);
  }

  @Test
  void markNotificationRead_failsWithNotFoundForAnotherUsersNotification() {
    Notification sent = notifications.sendNotification(notification("customer_1", "a").build());

    assertFails(
        () -> markRead("customer_2", sent.getId()),
        Code.NOT_FOUND,
        "user 'customer_2' has no notification '" + sent.getId() + "'");
    assertFails(() -> markRead("customer_1", "ntf_nope"), Code.NOT_FOUND, "ntf_nope");
  }

  private Notification markRead(String userId, String notificationId) {
    return notifications.markNotificationRead(
        MarkNotificationReadRequest.newBuilder()
            .setUserId(userId)
            .setNotificationId(notificationId)
            .build());
  }

  private ListNotificationsResponse list(
      String userId, int pageSize, String pageToken, boolean unreadOnly) {
    return notifications.listNotifications(
        ListNotificationsRequest.newBuilder()
            .setUserId(userId)
            .setPageSize(pageSize)
            .setPageToken(pageToken)
            .setUnreadOnly(unreadOnly)
            .build());
  }

  private static SendNotificationRequest.Builder notification(String userId, String title) {
    return SendNotificationRequest.newBuilder()
        .setUserId(userId)
        .setTitle(title)
        .setCategory(NotificationCategory.ORDER_UPDATE);
  }
}
