package com.shopsuite.midimo.rest.chat;

import com.shopsuite.midimo.chat.MessagePage;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One page of a thread's messages, oldest first. */
@Schema(name = "MessagePage", description = "One page of a thread's messages, oldest first")
public record MessagePageView(
    List<MessageView> messages,
    @Schema(description = "Whether older messages exist before the first one of this page")
        boolean hasMore,
    @Schema(
            description = "The before_id that reads the next (older) page; null when there is none",
            example = "msg_000071")
        String nextBeforeId) {

  static MessagePageView of(MessagePage page) {
    return new MessagePageView(
        page.messages().stream().map(MessageView::of).toList(),
        page.hasMore(),
        page.nextBeforeId().orElse(null));
  }
}
