package com.shopsuite.midimo.floor;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The answer, in the shape of the storefront API's Message. */
public record PostedMessage(
    String messageId,
    String threadId,
    String userId,
    String content,
    List<String> attachmentIds,
    Map<String, String> metadata,
    Instant createdAt) {

  /** The request, with the storefront API's PostMessageRequest rules. */
  public record Request(
      @Size(max = 128) String userId,
      @NotBlank @Size(max = 4000) String content,
      @Size(max = 10) List<@NotBlank @Size(max = 128) String> attachmentIds) {}
}
