package com.midimo.chat.emulator.store;

import com.midimo.chat.emulator.rpc.FieldLimits;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * An opaque page token: where the previous page stopped, bound to the rpc and the query that issued
 * it. A token from another rpc or another query, or one a caller made up, is INVALID_ARGUMENT.
 */
public final class PageToken {
  private PageToken() {}

  /**
   * @param rpc which rpc issues the token
   * @param position the sequence number of the last item returned
   * @param query a hash of the query's filters (not its page size)
   */
  public static String encode(String rpc, long position, int query) {
    return encode(rpc, new long[] {position}, query);
  }

  /**
   * As {@link #encode(String, long, int)}, for a position of several numbers: where an order by
   * something that changes stopped (e.g. a time and a sequence number).
   */
  public static String encode(String rpc, long[] position, int query) {
    StringBuilder plain = new StringBuilder(rpc).append(':');
    for (int i = 0; i < position.length; i++) {
      plain.append(i == 0 ? "" : ".").append(position[i]);
    }
    plain.append(':').append(Integer.toHexString(query));
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(plain.toString().getBytes(StandardCharsets.UTF_8));
  }

  /** The position a token holds, or INVALID_ARGUMENT when this rpc and query did not issue it. */
  public static long decode(String rpc, String token, int query) {
    return decode(rpc, token, query, 1)[0];
  }

  /**
   * The {@code length} numbers of a position that {@link #encode(String, long[], int)} made, or
   * INVALID_ARGUMENT when this rpc and query did not issue the token (or it holds another count).
   */
  public static long[] decode(String rpc, String token, int query, int length) {
    try {
      String plain = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
      String[] parts = plain.split(":", -1);
      if (parts.length == 3
          && parts[0].equals(rpc)
          && parts[2].equals(Integer.toHexString(query))) {
        String[] numbers = parts[1].split("\\.", -1);
        if (numbers.length == length) {
          long[] position = new long[length];
          for (int i = 0; i < length; i++) {
            position[i] = Long.parseLong(numbers[i]);
          }
          return position;
        }
      }
    } catch (IllegalArgumentException e) {
      // Not base64 or not a number: the same answer as any other foreign token, below.
    }
    throw FieldLimits.invalid("page_token is not one this rpc issued for this query");
  }
}
