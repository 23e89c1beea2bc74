package com.shopsuite.midimo.presence;

import java.io.Serializable;

/**
 * Whether a support agent can take a chat now.
 *
 * @param available true only when the agent is {@link PresenceStatus#ONLINE}
 */
public record AgentAvailability(
    String agentId, boolean available, PresenceStatus status, String customStatus)
    implements Serializable {

  public static AgentAvailability of(Presence presence) {
    return new AgentAvailability(
        presence.userId(),
        presence.status() == PresenceStatus.ONLINE,
        presence.status(),
        presence.customStatus());
  }
}
