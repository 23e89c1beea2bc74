package com.shopsuite.midimo.benchmarks.scaleout;

import com.midimo.chat.v1.Message;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The orders whose messages are not in the order their events were published, described for the
 * report: each message's status and when it was posted, relative to an instant (e.g. a kill).
 */
final class OutOfOrder {
  private OutOfOrder() {}

  /** A Markdown paragraph per order (at most {@code limit}); empty when every order is in order. */
  static List<String> describe(
      List<List<Message>> byOrder, String prefix, Instant from, String fromName, int limit) {
    List<String> lines = new ArrayList<>();
    for (int order = 0; order < byOrder.size() && lines.size() < limit; order++) {
      List<Message> messages = byOrder.get(order);
      if (ascending(messages)) {
        continue;
      }
      List<String> posted = new ArrayList<>();
      for (Message message : messages) {
        Duration at = Duration.between(from, Takeover.instant(message.getCreatedAt()));
        posted.add(
            String.format(
                Locale.ROOT,
                "%s at %+,d ms",
                message.getMetadataOrDefault("status", "?"),
                at.toMillis()));
      }
      lines.add(
          String.format(
              Locale.ROOT,
              "`%s-order-%d`, its messages as posted (time from %s): %s.",
              prefix,
              order,
              fromName,
              String.join(", ", posted)));
    }
    return lines;
  }

  private static boolean ascending(List<Message> messages) {
    for (int i = 1; i < messages.size(); i++) {
      String previous = messages.get(i - 1).getMetadataOrDefault("status", "?");
      if (previous.compareTo(messages.get(i).getMetadataOrDefault("status", "?")) > 0) {
        return false;
      }
    }
    return true;
  }
}
