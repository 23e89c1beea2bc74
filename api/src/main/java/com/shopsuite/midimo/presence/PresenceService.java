package com.shopsuite.midimo.presence;

import java.util.List;

/**
 * Presence and typing: the original guide's {@code PresenceService} wrapper. Repeated identical
 * presence updates and repeated {@code startTyping} within a short window are coalesced (not sent
 * again), as the guide advises; {@code stopTyping} is always sent.
 */
public interface PresenceService {

  Presence setUserOnline(String userId, String customStatus);

  Presence setUserOffline(String userId);

  /** Sets any status; {@code customStatus} may be null. */
  Presence updatePresence(String userId, PresenceStatus status, String customStatus);

  /** Which agents can take a chat, in the order asked, from one call whatever the count. */
  List<AgentAvailability> getAgentAvailability(List<String> agentIds);

  void startTyping(String threadId, String userId);

  void stopTyping(String threadId, String userId);
}
