package com.shopsuite.midimo.context;

/**
 * A value from outside (an order id, a thread id, a reason quoting either) made safe for one log
 * line: control characters, a newline above all, are escaped, so no value can end a line and forge
 * the next one; overlong values are cut.
 */
public final class LogText {

  private static final int MAX_LENGTH = 300;

  private LogText() {}

  public static String of(String value) {
    if (value == null) {
      return "-";
    }
    StringBuilder safe = new StringBuilder(Math.min(value.length(), MAX_LENGTH) + 8);
    for (int i = 0; i < value.length(); i++) {
      if (safe.length() >= MAX_LENGTH) {
        return safe.append("...").toString();
      }
      char c = value.charAt(i);
      switch (c) {
        case '\n' -> safe.append("\\n");
        case '\r' -> safe.append("\\r");
        case '\t' -> safe.append("\\t");
        case '\\' -> safe.append("\\\\");
        default -> {
          if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029') {
            safe.append(String.format("\\u%04x", (int) c));
          } else {
            safe.append(c);
          }
        }
      }
    }
    return safe.toString();
  }
}
