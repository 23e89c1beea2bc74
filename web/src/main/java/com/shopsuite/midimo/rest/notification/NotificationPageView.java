package com.shopsuite.midimo.rest.notification;

import com.shopsuite.midimo.notification.NotificationPage;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One page of a user's notifications, newest first. */
@Schema(name = "NotificationPage", description = "One page of notifications, newest first")
public record NotificationPageView(
    List<NotificationView> notifications,
    @Schema(description = "Pass as page_token for the next page; null on the last page")
        String nextPageToken) {

  static NotificationPageView of(NotificationPage page) {
    return new NotificationPageView(
        page.notifications().stream().map(NotificationView::of).toList(), page.nextPageToken());
  }
}
