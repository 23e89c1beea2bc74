package com.shopsuite.midimo.notification;

import java.io.Serializable;
import java.util.List;
import java.util.Optional;

/**
 * One page of a user's notifications, newest first.
 *
 * @param nextPageToken the token of the next page; null when this is the last one
 */
public record NotificationPage(List<Notification> notifications, String nextPageToken)
    implements Serializable {

  public NotificationPage {
    notifications = List.copyOf(notifications);
  }

  public Optional<String> next() {
    return Optional.ofNullable(nextPageToken);
  }
}
