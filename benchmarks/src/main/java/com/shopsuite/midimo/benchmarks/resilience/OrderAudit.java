package com.shopsuite.midimo.benchmarks.resilience;

import com.midimo.chat.v1.ChatServiceGrpc;
import com.midimo.chat.v1.FindThreadsRequest;
import com.midimo.chat.v1.FindThreadsResponse;
import com.midimo.chat.v1.GetThreadMessagesRequest;
import com.midimo.chat.v1.ListNotificationsRequest;
import com.midimo.chat.v1.Message;
import com.midimo.chat.v1.Notification;
import com.midimo.chat.v1.NotificationServiceGrpc;
import io.grpc.ClientInterceptor;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.stub.MetadataUtils;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * What order events made in Midimo Chat, read back from the emulator order by order: each order's
 * support thread (exactly one), its messages in the order they were posted, and the customer's
 * notifications. Counts what was lost, what was doubled and which orders are out of order.
 *
 * @param expected events published (each counted once, whether sent once or twice)
 * @param applied distinct events that made their message
 * @param lost events without a message, or without a notification
 * @param duplicated messages or notifications beyond the first of an event
 * @param outOfOrder orders whose messages are not in the order their events were published
 * @param extraThreads support threads beyond one per order
 */
public record OrderAudit(
    long expected, long applied, long lost, long duplicated, long outOfOrder, long extraThreads) {

  public boolean clean() {
    return lost == 0 && duplicated == 0 && outOfOrder == 0 && extraThreads == 0;
  }

  public String summary() {
    return String.format(
        Locale.ROOT,
        "%,d of %,d events applied; %d lost, %d duplicated, %d orders out of order, %d extra"
            + " threads",
        applied,
        expected,
        lost,
        duplicated,
        outOfOrder,
        extraThreads);
  }

  /** Reads every order of {@code traffic} back through the emulator's own services. */
  public static OrderAudit of(ManagedChannel emulator, String token, OrderTraffic traffic) {
    var bearer = bearer(token);
    ChatServiceGrpc.ChatServiceBlockingStub chat =
        ChatServiceGrpc.newBlockingStub(emulator).withInterceptors(bearer);
    NotificationServiceGrpc.NotificationServiceBlockingStub notifications =
        NotificationServiceGrpc.newBlockingStub(emulator).withInterceptors(bearer);
    long applied = 0;
    long lost = 0;
    long duplicated = 0;
    long outOfOrder = 0;
    long extraThreads = 0;
    for (int order = 0; order < traffic.orders(); order++) {
      FindThreadsResponse found = threads(chat, OrderTraffic.orderId(traffic.prefix(), order));
      extraThreads += Math.max(0, found.getThreadsCount() - 1);
      List<String> statuses = new ArrayList<>();
      for (Message message : messages(chat, found)) {
        statuses.add(message.getMetadataOrDefault("status", "?"));
      }
      Set<String> distinct = new HashSet<>(statuses);
      applied += distinct.size();
      lost += traffic.statuses() - distinct.size();
      duplicated += statuses.size() - distinct.size();
      if (!isAscending(statuses)) {
        outOfOrder++;
      }
      List<String> notified = new ArrayList<>();
      for (Notification notification :
          notifications
              .withDeadlineAfter(10, TimeUnit.SECONDS)
              .listNotifications(
                  ListNotificationsRequest.newBuilder()
                      .setUserId(OrderTraffic.customerId(traffic.prefix(), order))
                      .setPageSize(200)
                      .build())
              .getNotificationsList()) {
        notified.add(notification.getTitle());
      }
      Set<String> distinctNotified = new HashSet<>(notified);
      // An event whose message made it but whose notification did not is lost all the same.
      lost += Math.max(0, distinct.size() - distinctNotified.size());
      duplicated += notified.size() - distinctNotified.size();
    }
    return new OrderAudit(traffic.events(), applied, lost, duplicated, outOfOrder, extraThreads);
  }

  /**
   * The messages of every order of {@code traffic} (of all its support threads, each thread's in
   * the order they were posted), order by order: for timings such as when an order's events
   * resumed.
   */
  public static List<List<Message>> messagesByOrder(
      ManagedChannel emulator, String token, OrderTraffic traffic) {
    ChatServiceGrpc.ChatServiceBlockingStub chat =
        ChatServiceGrpc.newBlockingStub(emulator).withInterceptors(bearer(token));
    List<List<Message>> orders = new ArrayList<>();
    for (int order = 0; order < traffic.orders(); order++) {
      orders.add(messages(chat, threads(chat, OrderTraffic.orderId(traffic.prefix(), order))));
    }
    return orders;
  }

  private static ClientInterceptor bearer(String token) {
    Metadata headers = new Metadata();
    headers.put(
        Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER), "Bearer " + token);
    return MetadataUtils.newAttachHeadersInterceptor(headers);
  }

  /** The order's support threads (one, when all is well). */
  private static FindThreadsResponse threads(
      ChatServiceGrpc.ChatServiceBlockingStub chat, String orderId) {
    return chat.withDeadlineAfter(10, TimeUnit.SECONDS)
        .findThreads(
            FindThreadsRequest.newBuilder()
                .putMetadata("type", "support")
                .putMetadata("order_id", orderId)
                .setPageSize(10)
                .build());
  }

  private static List<Message> messages(
      ChatServiceGrpc.ChatServiceBlockingStub chat, FindThreadsResponse found) {
    List<Message> messages = new ArrayList<>();
    for (var thread : found.getThreadsList()) {
      messages.addAll(
          chat.withDeadlineAfter(10, TimeUnit.SECONDS)
              .getThreadMessages(
                  GetThreadMessagesRequest.newBuilder()
                      .setThreadId(thread.getId())
                      .setLimit(200)
                      .build())
              .getMessagesList());
    }
    return messages;
  }

  private static boolean isAscending(List<String> statuses) {
    for (int i = 1; i < statuses.size(); i++) {
      if (statuses.get(i - 1).compareTo(statuses.get(i)) > 0) {
        return false;
      }
    }
    return true;
  }
}
