package com.shopsuite.midimo.rest.presence;

import com.shopsuite.midimo.presence.AgentAvailability;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Whether one agent can take a chat now. */
@Schema(name = "AgentAvailability", description = "Whether an agent can take a chat now")
public record AgentAvailabilityView(
    @Schema(example = "agent_7") String agentId,
    @Schema(example = "true", description = "True only when the agent is ONLINE") boolean available,
    @Schema(
            example = "ONLINE",
            enumeration = {"ONLINE", "AWAY", "BUSY", "OFFLINE"})
        String status,
    @Schema(example = "Available for chat") String customStatus) {

  static AgentAvailabilityView of(AgentAvailability availability) {
    return new AgentAvailabilityView(
        availability.agentId(),
        availability.available(),
        availability.status().name(),
        availability.customStatus());
  }
}
