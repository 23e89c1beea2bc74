package com.shopsuite.midimo.client;

import com.shopsuite.midimo.error.ValidationException;
import java.util.List;
import java.util.Map;

/**
 * Argument checks made before any call, so an obviously bad request fails at once, with a message
 * naming the argument, and never costs a round trip. The limits are the contract's.
 */
public final class Arguments {

  static final int MAX_ID_LENGTH = 128;

  /** Of a thread or a notification. */
  public static final int MAX_TITLE_LENGTH = 200;

  static final int MAX_CONTENT_LENGTH = 4_000;
  static final int MAX_PAGE_SIZE = 200;
  static final int MAX_PRESENCE_BATCH = 1_000;
  static final int MAX_PARTICIPANTS = 100;

  private Arguments() {}

  public static String requireId(String name, String value) {
    if (value == null || value.isBlank()) {
      throw new ValidationException(name + " is required");
    }
    if (value.length() > MAX_ID_LENGTH) {
      throw new ValidationException(name + " exceeds " + MAX_ID_LENGTH + " characters");
    }
    return value;
  }

  /** Null or blank means "none"; otherwise it must be a valid id. */
  public static String optionalId(String name, String value) {
    return value == null || value.isBlank() ? "" : requireId(name, value);
  }

  public static String requireText(String name, String value, int maxLength) {
    if (value == null || value.isBlank()) {
      throw new ValidationException(name + " is required");
    }
    return maxText(name, value, maxLength);
  }

  public static String maxText(String name, String value, int maxLength) {
    if (value == null) {
      return "";
    }
    if (value.length() > maxLength) {
      throw new ValidationException(name + " exceeds " + maxLength + " characters");
    }
    return value;
  }

  public static int requireRange(String name, int value, int min, int max) {
    if (value < min || value > max) {
      throw new ValidationException(name + " must be between " + min + " and " + max);
    }
    return value;
  }

  static <T> List<T> listOrEmpty(List<T> values) {
    return values == null ? List.of() : values;
  }

  static Map<String, String> mapOrEmpty(Map<String, String> values) {
    return values == null ? Map.of() : values;
  }
}
