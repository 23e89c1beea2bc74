package com.shopsuite.midimo.rest.chat;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A participant started or stopped typing. */
@Schema(name = "TypingRequest", description = "Whether a participant is typing")
public record TypingRequest(
    @Schema(
            example = "cust_123",
            description = "Who types; the caller itself unless the storefront names someone")
        @Size(max = 128)
        String userId,
    // Boolean, not boolean: a missing is_typing must be a 400 naming it, not a silent false.
    @Schema(example = "true", required = true) @NotNull Boolean isTyping) {}
