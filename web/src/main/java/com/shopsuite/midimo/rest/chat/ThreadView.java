package com.shopsuite.midimo.rest.chat;

import com.shopsuite.midimo.chat.ChatThread;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A thread, as the API shows it. */
@Schema(name = "Thread", description = "A chat thread")
public record ThreadView(
    @Schema(example = "th_1a2b3c") String threadId,
    @Schema(example = "Order order_456 support") String title,
    @Schema(example = "2025-01-15T09:30:00Z") Instant createdAt,
    @Schema(example = "2025-01-15T09:42:10Z") Instant updatedAt,
    @Schema(example = "cust_123", description = "The user who created the thread") String creatorId,
    @Schema(
            description = "Every user who may post, the creator included",
            examples = "[\"cust_123\", \"ecommerce-system\"]")
        List<String> participants,
    @Schema(
            description = "Free-form pairs; support threads carry source, type and order_id",
            examples =
                "{\"source\": \"e_commerce\", \"type\": \"support\", \"order_id\": \"order_456\","
                    + " \"customer_id\": \"cust_123\"}")
        Map<String, String> metadata) {

  static ThreadView of(ChatThread thread) {
    return new ThreadView(
        thread.id(),
        thread.title(),
        thread.createdAt(),
        thread.updatedAt(),
        thread.creatorId(),
        thread.participants(),
        thread.metadata());
  }
}
