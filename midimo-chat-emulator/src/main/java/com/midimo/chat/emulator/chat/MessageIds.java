package com.midimo.chat.emulator.chat;

import java.util.OptionalLong;

/**
 * Message ids: "msg_" and a sequence number that the whole emulator draws from one counter, zero
 * padded so that ids also sort as strings. Within a thread, id order is exactly the order the
 * messages were accepted, even for messages accepted in the same millisecond: pages are cut on this
 * sequence, never on timestamps.
 */
final class MessageIds {
  private static final String PREFIX = "msg_";
  private static final int DIGITS = 12;

  private MessageIds() {}

  static String format(long sequence) {
    String digits = Long.toString(sequence);
    StringBuilder id = new StringBuilder(PREFIX.length() + DIGITS).append(PREFIX);
    for (int i = digits.length(); i < DIGITS; i++) {
      id.append('0');
    }
    return id.append(digits).toString();
  }

  /** The sequence number of an id this class formatted; empty for anything else. */
  static OptionalLong parse(String id) {
    if (!id.startsWith(PREFIX) || id.length() < PREFIX.length() + DIGITS) {
      return OptionalLong.empty();
    }
    String digits = id.substring(PREFIX.length());
    for (int i = 0; i < digits.length(); i++) {
      if (digits.charAt(i) < '0' || digits.charAt(i) > '9') {
        return OptionalLong.empty();
      }
    }
    try {
      return OptionalLong.of(Long.parseLong(digits));
    } catch (NumberFormatException e) {
      return OptionalLong.empty();
    }
  }
}
