package com.shopsuite.midimo.remote;

import com.shopsuite.midimo.presence.AgentAvailability;
import com.shopsuite.midimo.presence.Presence;
import com.shopsuite.midimo.presence.PresenceService;
import com.shopsuite.midimo.presence.PresenceStatus;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Remote;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.interceptor.Interceptors;
import java.util.List;
import org.jboss.ejb3.annotation.SecurityDomain;

/**
 * {@link PresenceService} for the rest of the suite: {@code
 * ejb:/midimo-chat-remote/PresenceService}.
 */
@Stateless(name = "PresenceService")
@Remote(PresenceService.class)
@SecurityDomain(SuiteService.SECURITY_DOMAIN)
@RolesAllowed(SuiteService.ROLE)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
@Interceptors(DetachedFailures.class)
public class RemotePresenceService implements PresenceService {

  @EJB(
      lookup =
          SuiteService.APPLICATION
              + "PresenceServiceBean!com.shopsuite.midimo.presence.PresenceService")
  PresenceService presence;

  @Override
  public Presence setUserOnline(String userId, String customStatus) {
    return presence.setUserOnline(userId, customStatus);
  }

  @Override
  public Presence setUserOffline(String userId) {
    return presence.setUserOffline(userId);
  }

  @Override
  public Presence updatePresence(String userId, PresenceStatus status, String customStatus) {
    return presence.updatePresence(userId, status, customStatus);
  }

  @Override
  public List<AgentAvailability> getAgentAvailability(List<String> agentIds) {
    return presence.getAgentAvailability(agentIds);
  }

  @Override
  public void startTyping(String threadId, String userId) {
    presence.startTyping(threadId, userId);
  }

  @Override
  public void stopTyping(String threadId, String userId) {
    presence.stopTyping(threadId, userId);
  }
}
