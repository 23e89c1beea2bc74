package com.shopsuite.midimo.rest.presence;

import com.shopsuite.midimo.presence.Presence;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A user's presence, as the API shows it. */
@Schema(name = "Presence", description = "A user's presence")
public record PresenceView(
    @Schema(example = "cust_123") String userId,
    @Schema(
            example = "ONLINE",
            enumeration = {"ONLINE", "AWAY", "BUSY", "OFFLINE"})
        String status,
    @Schema(example = "Viewing products", description = "Empty when none") String customStatus,
    @Schema(example = "2025-01-15T09:30:00Z", description = "Null for a user never seen")
        Instant updatedAt) {

  static PresenceView of(Presence presence) {
    return new PresenceView(
        presence.userId(), presence.status().name(), presence.customStatus(), presence.updatedAt());
  }
}
