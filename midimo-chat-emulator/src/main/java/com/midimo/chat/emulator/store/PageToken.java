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
    String plain = rpc + ":" + position + ":" + Integer.toHexString(query);
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(plain.getBytes(StandardCharsets.UTF_8));
  }

  /** The position a token holds, or INVALID_ARGUMENT when this rpc and query did not issue it. */
  public static long decode(String rpc, String token, int query) {
    try {
      String plain = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
      String[] parts = plain.split(":", -1);
      if (parts.length == 3
          && parts[0].equals(rpc)
          && parts[2].equals(Integer.toHexString(query))) {
        return Long.parseLong(parts[1]);
      }
    } catch (IllegalArgumentException e) {
      // Not base64 or not a number: the same answer as any other foreign token, below.
    }
    throw FieldLimits.invalid("page_token is not one this rpc issued for this query");
  }
}
