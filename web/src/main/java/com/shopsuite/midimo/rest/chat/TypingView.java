package com.shopsuite.midimo.rest.chat;

import com.shopsuite.midimo.chat.ThreadEvent.TypingChanged;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The data of a {@code typing_changed} event. */
@Schema(name = "TypingChanged", description = "Data of a typing_changed event")
public record TypingView(
    @Schema(example = "agent_7") String userId,
    @Schema(example = "true") boolean isTyping,
    @Schema(
            description = "When typing stops by itself unless refreshed; null when not typing",
            example = "2025-01-15T09:31:15Z")
        Instant expiresAt) {

  static TypingView of(TypingChanged event) {
    return new TypingView(event.userId(), event.typing(), event.expiresAt());
  }
}
