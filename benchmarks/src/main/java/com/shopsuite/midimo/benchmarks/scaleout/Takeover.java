package com.shopsuite.midimo.benchmarks.scaleout;

import com.google.protobuf.Timestamp;
import com.midimo.chat.v1.Message;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * How long the orders a node was working on waited after it was killed, from the emulator's
 * messages: for every order with messages both before and after the kill, the time from the kill to
 * its first message after it. The orders the dead node held wait longest; the survivor's own
 * orders, which never stopped, only until their next event's turn.
 *
 * @param orders orders with messages both before and after the kill (before {@code until})
 * @param max the longest wait of those orders
 * @param p50 their median wait
 * @param firstMessage from the kill to the first message of any order after it
 */
record Takeover(int orders, Duration max, Duration p50, Duration firstMessage) {

  /**
   * @param until messages from this instant on are not counted (e.g. a restart of the killed node);
   *     null for none
   */
  static Takeover of(List<List<Message>> byOrder, Instant killed, Instant until) {
    List<Duration> waits = new ArrayList<>();
    Duration first = null;
    for (List<Message> messages : byOrder) {
      boolean before = false;
      Instant after = null;
      for (Message message : messages) {
        Instant at = instant(message.getCreatedAt());
        if (at.isBefore(killed)) {
          before = true;
        } else if ((until == null || at.isBefore(until)) && (after == null || at.isBefore(after))) {
          after = at;
        }
      }
      if (after != null) {
        Duration wait = Duration.between(killed, after);
        first = first == null || wait.compareTo(first) < 0 ? wait : first;
        if (before) {
          waits.add(wait);
        }
      }
    }
    Collections.sort(waits);
    return new Takeover(
        waits.size(),
        waits.isEmpty() ? Duration.ZERO : waits.get(waits.size() - 1),
        waits.isEmpty() ? Duration.ZERO : waits.get((waits.size() - 1) / 2),
        first == null ? Duration.ZERO : first);
  }

  static Instant instant(Timestamp timestamp) {
    return Instant.ofEpochSecond(timestamp.getSeconds(), timestamp.getNanos());
  }
}
