package com.midimo.chat.emulator.notification;

import static com.midimo.chat.emulator.rpc.FieldLimits.invalid;
import static com.midimo.chat.emulator.rpc.FieldLimits.maxChars;
import static com.midimo.chat.emulator.rpc.FieldLimits.metadata;
import static com.midimo.chat.emulator.rpc.FieldLimits.pageSize;
import static com.midimo.chat.emulator.rpc.FieldLimits.requestId;
import static com.midimo.chat.emulator.rpc.FieldLimits.requireId;
import static com.midimo.chat.emulator.rpc.FieldLimits.requireText;

import com.midimo.chat.emulator.rpc.UnaryCalls;
import com.midimo.chat.v1.ListNotificationsRequest;
import com.midimo.chat.v1.ListNotificationsResponse;
import com.midimo.chat.v1.MarkNotificationReadRequest;
import com.midimo.chat.v1.Notification;
import com.midimo.chat.v1.NotificationCategory;
import com.midimo.chat.v1.NotificationServiceGrpc;
import com.midimo.chat.v1.SendNotificationRequest;
import io.grpc.stub.StreamObserver;

/** The emulated NotificationService. */
public final class EmulatedNotificationService
    extends NotificationServiceGrpc.NotificationServiceImplBase {
  static final int MAX_TITLE_CHARS = 200;
  static final int MAX_BODY_CHARS = 2_000;

  private final NotificationStore notifications;

  public EmulatedNotificationService(NotificationStore notifications) {
    this.notifications = notifications;
  }

  @Override
  public void sendNotification(
      SendNotificationRequest request, StreamObserver<Notification> responseObserver) {
    UnaryCalls.answer(
        responseObserver,
        () -> {
          requireId("user_id", request.getUserId());
          requireText("title", request.getTitle(), MAX_TITLE_CHARS);
          maxChars("body", request.getBody(), MAX_BODY_CHARS);
          if (request.getCategory() == NotificationCategory.NOTIFICATION_CATEGORY_UNSPECIFIED
              || request.getCategory() == NotificationCategory.UNRECOGNIZED) {
            throw invalid("category is required (ORDER_UPDATE, CHAT_MESSAGE or SYSTEM)");
          }
          metadata("data", request.getDataMap());
          requestId(request.getRequestId());
          return notifications.send(request);
        });
  }

  @Override
  public void listNotifications(
      ListNotificationsRequest request,
      StreamObserver<ListNotificationsResponse> responseObserver) {
    UnaryCalls.answer(
        responseObserver,
        () -> {
          requireId("user_id", request.getUserId());
          return notifications.list(request, pageSize("page_size", request.getPageSize()));
        });
  }

  @Override
  public void markNotificationRead(
      MarkNotificationReadRequest request, StreamObserver<Notification> responseObserver) {
    UnaryCalls.answer(
        responseObserver,
        () ->
            notifications.markRead(
                requireId("user_id", request.getUserId()),
                requireId("notification_id", request.getNotificationId())));
  }
}
