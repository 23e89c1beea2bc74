package com.shopsuite.midimo.it.core;

import static org.assertj.core.api.Assertions.assertThat;

import com.shopsuite.midimo.chat.ChatService;
import com.shopsuite.midimo.it.Deployments;
import com.shopsuite.midimo.it.Emulator;
import com.shopsuite.midimo.presence.AgentAvailability;
import com.shopsuite.midimo.presence.Presence;
import com.shopsuite.midimo.presence.PresenceService;
import com.shopsuite.midimo.presence.PresenceStatus;
import jakarta.inject.Inject;
import java.util.List;
import java.util.stream.IntStream;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The PresenceService EJB against the emulator: batching and the rate limiting the guide asks. */
@ExtendWith(ArquillianExtension.class)
class PresenceServiceIT {

  @Deployment
  static EnterpriseArchive deployment() {
    return Deployments.applicationWith(PresenceServiceIT.class);
  }

  @Inject PresenceService presence;

  @Inject ChatService chat;

  @BeforeEach
  void emptyMidimoChat() {
    Emulator.reset();
  }

  @Test
  void setUserOnline_repeated_isSentOnce_whileAChangeIsSentAtOnce() {
    Presence first = presence.setUserOnline("shopper-1", "Viewing products");
    Presence repeat = presence.setUserOnline("shopper-1", "Viewing products");
    Presence changed = presence.setUserOnline("shopper-1", "In checkout");
    Presence offline = presence.setUserOffline("shopper-1");

    assertThat(repeat).isEqualTo(first);
    assertThat(changed.customStatus()).isEqualTo("In checkout");
    assertThat(offline.status()).isEqualTo(PresenceStatus.OFFLINE);
    assertThat(Emulator.calls("PresenceService/UpdatePresence")).isEqualTo(3);
  }

  @Test
  void getAgentAvailability_of20Agents_isOneCall_andOnlyOnlineAgentsAreAvailable() {
    presence.setUserOnline("agent-0", "Available for chat");
    presence.updatePresence("agent-1", PresenceStatus.BUSY, "On a call");
    List<String> agents = IntStream.range(0, 20).mapToObj(i -> "agent-" + i).toList();

    List<AgentAvailability> availability = presence.getAgentAvailability(agents);

    assertThat(Emulator.calls("PresenceService/GetPresence")).isEqualTo(1);
    assertThat(availability)
        .extracting(AgentAvailability::agentId)
        .containsExactlyElementsOf(agents);
    assertThat(availability.get(0).available()).isTrue();
    assertThat(availability.get(1))
        .isEqualTo(new AgentAvailability("agent-1", false, PresenceStatus.BUSY, "On a call"));
    assertThat(availability.subList(2, 20))
        .allSatisfy(agent -> assertThat(agent.status()).isEqualTo(PresenceStatus.OFFLINE));
  }

  @Test
  void startTyping_repeated_isSentOnce_butStopTypingIsAlwaysSent() {
    String threadId = chat.createSupportThread("shopper-2", "o2", null).thread().id();

    for (int keystroke = 0; keystroke < 10; keystroke++) {
      presence.startTyping(threadId, "shopper-2");
    }
    presence.stopTyping(threadId, "shopper-2");
    presence.stopTyping(threadId, "shopper-2");
    presence.startTyping(threadId, "shopper-2");

    assertThat(Emulator.calls("PresenceService/UpdateTypingStatus")).isEqualTo(4);
  }
}
