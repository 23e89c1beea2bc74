package com.shopsuite.midimo.rest.notification;

import static org.assertj.core.api.Assertions.assertThat;

import com.shopsuite.midimo.notification.Notification;
import com.shopsuite.midimo.notification.NotificationCategory;
import com.shopsuite.midimo.notification.NotificationPage;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ViewsTest {

  private static final Instant CREATED = Instant.parse("2025-01-15T09:30:00Z");

  @Test
  void notificationView_carriesEveryField_categoryByName() {
    Notification read =
        new Notification(
            "n1",
            "u1",
            "Order o1: Delivered",
            "Delivered!",
            NotificationCategory.ORDER_UPDATE,
            Map.of("order_id", "o1"),
            CREATED,
            true,
            CREATED.plusSeconds(60));

    assertThat(NotificationView.of(read))
        .isEqualTo(
            new NotificationView(
                "n1",
                "u1",
                "Order o1: Delivered",
                "Delivered!",
                "ORDER_UPDATE",
                Map.of("order_id", "o1"),
                CREATED,
                true,
                CREATED.plusSeconds(60)));
  }

  @Test
  void notificationPageView_keepsTheOrderAndTheNextPageToken() {
    NotificationPage page = new NotificationPage(List.of(unread("n2"), unread("n1")), "tok-2");

    NotificationPageView view = NotificationPageView.of(page);

    assertThat(view.notifications())
        .extracting(NotificationView::notificationId)
        .containsExactly("n2", "n1");
    assertThat(view.nextPageToken()).isEqualTo("tok-2");
  }

  @Test
  void notificationPageView_hasNoNextPageToken_onTheLastPage() {
    assertThat(NotificationPageView.of(new NotificationPage(List.of(), null)).nextPageToken())
        .isNull();
  }

  private static Notification unread(String id) {
    return new Notification(
        id, "u1", "t", "b", NotificationCategory.SYSTEM, Map.of(), CREATED, false, null);
  }
}
