package com.shopsuite.midimo.rest.presence;

import static org.assertj.core.api.Assertions.assertThat;

import com.shopsuite.midimo.presence.AgentAvailability;
import com.shopsuite.midimo.presence.Presence;
import com.shopsuite.midimo.presence.PresenceStatus;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ViewsTest {

  @Test
  void presenceView_showsTheStatusByName() {
    Instant at = Instant.parse("2025-01-15T09:30:00Z");

    assertThat(PresenceView.of(new Presence("u1", PresenceStatus.BUSY, "In a call", at)))
        .isEqualTo(new PresenceView("u1", "BUSY", "In a call", at));
  }

  @Test
  void agentAvailabilityView_isAvailableOnlyWhenOnline() {
    Presence away = new Presence("a1", PresenceStatus.AWAY, "", null);
    Presence online = new Presence("a2", PresenceStatus.ONLINE, "Available", null);

    assertThat(AgentAvailabilityView.of(AgentAvailability.of(away)))
        .isEqualTo(new AgentAvailabilityView("a1", false, "AWAY", ""));
    assertThat(AgentAvailabilityView.of(AgentAvailability.of(online)))
        .isEqualTo(new AgentAvailabilityView("a2", true, "ONLINE", "Available"));
  }
}
