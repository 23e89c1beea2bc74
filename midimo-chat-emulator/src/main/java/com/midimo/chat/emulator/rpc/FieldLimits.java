package com.midimo.chat.emulator.rpc;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.util.List;
import java.util.Map;

/**
 * The size limits of request fields, checked the same way by every service. A violation is
 * INVALID_ARGUMENT with a description that names the field, so a caller can tell what to fix.
 */
public final class FieldLimits {
  public static final int MAX_ID_CHARS = 128;
  public static final int MAX_REQUEST_ID_CHARS = 128;
  public static final int MAX_METADATA_ENTRIES = 32;
  public static final int MAX_METADATA_KEY_CHARS = 64;
  public static final int MAX_METADATA_VALUE_CHARS = 512;
  public static final int DEFAULT_PAGE_SIZE = 50;
  public static final int MAX_PAGE_SIZE = 200;

  private FieldLimits() {}

  /** A required id: not empty, at most 128 characters. */
  public static String requireId(String field, String value) {
    if (value.isEmpty()) {
      throw invalid(field + " is required");
    }
    return maxChars(field, value, MAX_ID_CHARS);
  }

  /** A required text: not empty, at most {@code max} characters. */
  public static String requireText(String field, String value, int max) {
    if (value.isEmpty()) {
      throw invalid(field + " is required");
    }
    return maxChars(field, value, max);
  }

  /** An optional idempotency key: at most 128 characters. */
  public static String requestId(String value) {
    return maxChars("request_id", value, MAX_REQUEST_ID_CHARS);
  }

  /** At most {@code max} characters, counted as code points (an emoji is one character). */
  public static String maxChars(String field, String value, int max) {
    // length() counts UTF-16 units, never fewer than code points: only long values need counting.
    if (value.length() > max && value.codePointCount(0, value.length()) > max) {
      throw invalid(field + " exceeds " + max + " characters");
    }
    return value;
  }

  /** A list of ids: at most {@code maxEntries}, each a valid id. */
  public static List<String> ids(String field, List<String> values, int maxEntries) {
    if (values.size() > maxEntries) {
      throw invalid(field + " holds more than " + maxEntries + " entries");
    }
    for (int i = 0; i < values.size(); i++) {
      requireId(field + "[" + i + "]", values.get(i));
    }
    return values;
  }

  /** Free-form key/value pairs: at most 32, keys 1..64 characters, values at most 512. */
  public static Map<String, String> metadata(String field, Map<String, String> values) {
    if (values.size() > MAX_METADATA_ENTRIES) {
      throw invalid(field + " holds more than " + MAX_METADATA_ENTRIES + " entries");
    }
    for (Map.Entry<String, String> entry : values.entrySet()) {
      if (entry.getKey().isEmpty()) {
        throw invalid(field + " has an empty key");
      }
      maxChars(field + " key", entry.getKey(), MAX_METADATA_KEY_CHARS);
      maxChars(field + "['" + entry.getKey() + "']", entry.getValue(), MAX_METADATA_VALUE_CHARS);
    }
    return values;
  }

  /** A page size where 0 means the default of 50 and the most is 200. */
  public static int pageSize(String field, int value) {
    if (value == 0) {
      return DEFAULT_PAGE_SIZE;
    }
    if (value < 1 || value > MAX_PAGE_SIZE) {
      throw invalid(field + " must be between 1 and " + MAX_PAGE_SIZE + " (0 means 50)");
    }
    return value;
  }

  public static StatusRuntimeException invalid(String description) {
    return Status.INVALID_ARGUMENT.withDescription(description).asRuntimeException();
  }
}
