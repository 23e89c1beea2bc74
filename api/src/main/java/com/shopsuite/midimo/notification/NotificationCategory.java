package com.shopsuite.midimo.notification;

/** What a notification is about. */
public enum NotificationCategory {
  ORDER_UPDATE,
  CHAT_MESSAGE,
  SYSTEM
}
