package com.shopsuite.midimo.rest.chat;

import com.shopsuite.midimo.chat.ChatMessage;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A message, as the API shows it (and as the event stream sends it). */
@Schema(name = "Message", description = "A message of a thread")
public record MessageView(
    @Schema(example = "msg_000123") String messageId,
    @Schema(example = "th_1a2b3c") String threadId,
    @Schema(example = "cust_123") String userId,
    @Schema(example = "Hello, where is my order?") String content,
    @Schema(examples = "[\"att_9f8e\"]") List<String> attachmentIds,
    @Schema(
            description =
                "Free-form pairs; order updates carry type=order_update, order_id and status",
            examples = "{}")
        Map<String, String> metadata,
    @Schema(example = "2025-01-15T09:31:05Z") Instant createdAt) {

  static MessageView of(ChatMessage message) {
    return new MessageView(
        message.id(),
        message.threadId(),
        message.userId(),
        message.content(),
        message.attachmentIds(),
        message.metadata(),
        message.createdAt());
  }
}
