package com.shopsuite.midimo.core.chat;

import com.shopsuite.midimo.chat.SupportDesk;
import com.shopsuite.midimo.chat.ThreadPage;
import com.shopsuite.midimo.client.MidimoChatClient;
import com.shopsuite.midimo.core.connection.MidimoChatChannels;
import com.shopsuite.midimo.core.resilience.FaultToleranceTranslator;
import com.shopsuite.midimo.presence.AgentAvailability;
import com.shopsuite.midimo.presence.PresenceService;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The agents new support threads go to ({@code midimo.chat.support.agents}) and which of them takes
 * the next one: an online agent, the one with the fewest support threads (the first in the roster
 * among equals). One presence call for the whole roster, then one thread count per online agent;
 * nothing is remembered between threads, so every node chooses from what Midimo Chat holds.
 */
@ApplicationScoped
public class AgentRoster {

  /** Counting stops here: an agent with this many threads is as busy as one with more. */
  static final int COUNT_LIMIT = 1_000;

  private static final int PAGE_SIZE = 200;

  @Inject
  @ConfigProperty(name = "midimo.chat.support.agents")
  Optional<List<String>> agents;

  @EJB PresenceService presence;

  @EJB MidimoChatChannels channels;

  @Inject FaultToleranceTranslator guarded;

  public List<String> agents() {
    return agents.orElse(List.of());
  }

  /** The agent the next support thread goes to; empty when no agent of the roster is online. */
  Optional<String> choose() {
    List<String> roster = agents();
    if (roster.isEmpty()) {
      return Optional.empty();
    }
    List<String> online =
        presence.getAgentAvailability(roster).stream()
            .filter(AgentAvailability::available)
            .map(AgentAvailability::agentId)
            .toList();
    if (online.size() <= 1) {
      return online.stream().findFirst();
    }
    return online.stream().min(Comparator.comparingInt(this::supportThreadsOf));
  }

  /** How many support threads the agent has (up to {@value #COUNT_LIMIT}). */
  int supportThreadsOf(String agentId) {
    MidimoChatClient client = channels.client();
    Map<String, String> query =
        Map.of("type", SupportThreads.TYPE, SupportDesk.ASSIGNED_AGENT, agentId);
    int count = 0;
    String pageToken = null;
    do {
      String token = pageToken;
      ThreadPage page = guarded.call(() -> client.findThreads(query, null, PAGE_SIZE, token));
      count += page.threads().size();
      pageToken = page.nextPageToken();
    } while (pageToken != null && count < COUNT_LIMIT);
    return count;
  }
}
