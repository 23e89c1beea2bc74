package com.shopsuite.midimo.rest.chat;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A thread to create (the guide's create_thread). */
@Schema(name = "CreateThreadRequest", description = "A thread to create")
public record CreateThreadRequest(
    @Schema(
            example = "agent_7",
            description =
                "The creator, always a participant; the caller itself unless the storefront names"
                    + " someone")
        @Size(max = 128)
        String userId,
    @Schema(example = "Returns policy question", maxLength = 200) @NotBlank @Size(max = 200)
        String title,
    @Schema(examples = "[\"cust_123\"]", maxItems = 99, description = "The other participants")
        @Size(max = 99)
        List<@NotBlank @Size(max = 128) String> participants,
    @Schema(examples = "{\"topic\": \"returns\"}", description = "Free-form pairs, at most 32")
        @Size(max = 32)
        Map<@NotBlank @Size(max = 64) String, @Size(max = 512) String> metadata) {

  List<String> others() {
    return participants == null ? List.of() : participants;
  }

  Map<String, String> pairs() {
    return metadata == null ? Map.of() : metadata;
  }
}
