package com.shopsuite.midimo.rest.chat;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A message to post. */
@Schema(name = "PostMessageRequest", description = "A message to post in a thread")
public record PostMessageRequest(
    @Schema(
            example = "cust_123",
            description =
                "The author, a participant; the caller itself unless the storefront names someone")
        @Size(max = 128)
        String userId,
    @Schema(example = "Hello, where is my order?", maxLength = 4000) @NotBlank @Size(max = 4000)
        String content,
    @Schema(examples = "[\"att_9f8e\"]", maxItems = 10, description = "Optional") @Size(max = 10)
        List<@NotBlank @Size(max = 128) String> attachmentIds) {

  /** Absent and empty mean the same: no attachments. */
  List<String> attachments() {
    return attachmentIds == null ? List.of() : attachmentIds;
  }
}
