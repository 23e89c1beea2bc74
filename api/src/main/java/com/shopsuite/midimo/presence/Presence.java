package com.shopsuite.midimo.presence;

import java.io.Serializable;
import java.time.Instant;

/**
 * A user's presence.
 *
 * @param customStatus free text shown next to the status; empty when none
 * @param updatedAt when the status was last set; null for a user Midimo Chat has never seen
 */
public record Presence(String userId, PresenceStatus status, String customStatus, Instant updatedAt)
    implements Serializable {}
