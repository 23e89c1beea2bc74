package com.shopsuite.midimo.core.live;

import com.shopsuite.midimo.chat.ChatMessage;
import com.shopsuite.midimo.chat.MessagePage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * What a thread's history holds after a point a subscriber saw: read newest first, page by page
 * backwards, until the point is found; at most {@code maxPages} pages.
 */
final class History {

  static final int PAGE = 200;

  /** Pages of a thread's messages, oldest first within a page; {@code before} null for the last. */
  interface Pages {
    MessagePage page(String threadId, int limit, String before);
  }

  /**
   * @param messages after the point, oldest first
   * @param complete whether the point was found (or the history began after it): false means more
   *     was missed than {@code maxPages} hold
   */
  record Missed(List<ChatMessage> messages, boolean complete) {}

  private History() {}

  /** The messages after {@code afterId}, or (when it is null) those created after {@code after}. */
  static Missed since(Pages pages, String threadId, String afterId, Instant after, int maxPages) {
    List<ChatMessage> newestFirst = new ArrayList<>();
    String before = null;
    for (int read = 0; read < maxPages; read++) {
      MessagePage page = pages.page(threadId, PAGE, before);
      List<ChatMessage> messages = page.messages();
      for (int i = messages.size() - 1; i >= 0; i--) {
        ChatMessage message = messages.get(i);
        boolean reached =
            afterId != null ? message.id().equals(afterId) : !message.createdAt().isAfter(after);
        if (reached) {
          Collections.reverse(newestFirst);
          return new Missed(newestFirst, true);
        }
        newestFirst.add(message);
      }
      if (!page.hasMore() || messages.isEmpty()) {
        // The whole history is newer than the point: when it was a message id, that message is
        // not the thread's (or no longer there): nothing to anchor on.
        Collections.reverse(newestFirst);
        return new Missed(newestFirst, afterId == null);
      }
      before = messages.get(0).id();
    }
    Collections.reverse(newestFirst);
    return new Missed(newestFirst, false);
  }
}
