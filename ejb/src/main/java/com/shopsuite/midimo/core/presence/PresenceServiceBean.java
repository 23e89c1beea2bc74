package com.shopsuite.midimo.core.presence;

import com.shopsuite.midimo.client.IdempotencyKeys;
import com.shopsuite.midimo.client.MidimoChatClient;
import com.shopsuite.midimo.core.connection.MidimoChatChannels;
import com.shopsuite.midimo.core.resilience.FaultToleranceTranslator;
import com.shopsuite.midimo.error.ValidationException;
import com.shopsuite.midimo.presence.AgentAvailability;
import com.shopsuite.midimo.presence.Presence;
import com.shopsuite.midimo.presence.PresenceService;
import com.shopsuite.midimo.presence.PresenceStatus;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.ejb.Local;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.List;

/** Presence and typing, throttled; see {@link PresenceThrottle}. Outside JTA, like every call. */
@Stateless
@Local(PresenceService.class)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class PresenceServiceBean implements PresenceService {

  @EJB MidimoChatChannels channels;

  @Inject FaultToleranceTranslator guarded;

  @Inject PresenceThrottle throttle;

  private MidimoChatClient client;

  @PostConstruct
  void borrowClient() {
    client = channels.client();
  }

  @Override
  public Presence setUserOnline(String userId, String customStatus) {
    return updatePresence(userId, PresenceStatus.ONLINE, customStatus);
  }

  @Override
  public Presence setUserOffline(String userId) {
    return updatePresence(userId, PresenceStatus.OFFLINE, null);
  }

  @Override
  public Presence updatePresence(String userId, PresenceStatus status, String customStatus) {
    if (status == null) {
      throw new ValidationException("status is required");
    }
    String text = customStatus == null ? "" : customStatus;
    var repeat = throttle.repeatOf(userId, status, text);
    if (repeat.isPresent()) {
      return repeat.get();
    }
    String key = IdempotencyKeys.orNew(null);
    Presence presence = guarded.call(() -> client.updatePresence(userId, status, text, key));
    throttle.presenceSent(presence);
    return presence;
  }

  @Override
  public List<AgentAvailability> getAgentAvailability(List<String> agentIds) {
    if (agentIds == null || agentIds.isEmpty()) {
      return List.of();
    }
    return guarded.call(() -> client.getPresence(agentIds)).stream()
        .map(AgentAvailability::of)
        .toList();
  }

  @Override
  public void startTyping(String threadId, String userId) {
    if (!throttle.claimTyping(threadId, userId)) {
      return;
    }
    String key = IdempotencyKeys.orNew(null);
    try {
      guarded.run(() -> client.updateTypingStatus(threadId, userId, true, key));
    } catch (RuntimeException e) {
      throttle.releaseTyping(threadId, userId);
      throw e;
    }
  }

  @Override
  public void stopTyping(String threadId, String userId) {
    throttle.releaseTyping(threadId, userId);
    String key = IdempotencyKeys.orNew(null);
    guarded.run(() -> client.updateTypingStatus(threadId, userId, false, key));
  }
}
