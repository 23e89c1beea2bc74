package com.shopsuite.midimo.rest.chat;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Hands a support thread to another agent. */
@Schema(name = "HandOffRequest", description = "The agent to hand the support thread to")
public record HandOffRequest(
    @Schema(example = "agent_2", maxLength = 128) @NotBlank @Size(max = 128) String agentId) {}
