package com.shopsuite.midimo.it.rest;

import static com.shopsuite.midimo.it.rest.Storefront.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.shopsuite.midimo.it.Deployments;
import com.shopsuite.midimo.it.Emulator;
import com.shopsuite.midimo.it.rest.Storefront.Reply;
import jakarta.json.JsonObject;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Presence and agent availability over HTTP. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class PresenceApiIT {

  @Deployment(testable = false)
  static EnterpriseArchive deployment() {
    return Deployments.application();
  }

  @BeforeEach
  void emptyMidimoChat() {
    Emulator.reset();
  }

  @Test
  void put_answers200_withThePresence() {
    Reply reply =
        Storefront.put(
            "/presence/cust_1", json("status", "AWAY", "custom_status", "Viewing products"));

    assertThat(reply.status()).isEqualTo(200);
    JsonObject presence = reply.json();
    assertThat(presence.getString("user_id")).isEqualTo("cust_1");
    assertThat(presence.getString("status")).isEqualTo("AWAY");
    assertThat(presence.getString("custom_status")).isEqualTo("Viewing products");
    assertThat(presence.getString("updated_at")).endsWith("Z");
  }

  @Test
  void put_anUnknownStatus_isA400_namingTheFieldAndTheAllowedValues() {
    Reply reply = Storefront.put("/presence/cust_1", json("status", "SLEEPING"));

    assertThat(reply.problem(400, "validation").getString("detail"))
        .isEqualTo("status: must be one of ONLINE, AWAY, BUSY, OFFLINE");
    assertThat(Emulator.calls("PresenceService/UpdatePresence")).isZero();
  }

  @Test
  void put_aTooLongCustomStatus_isA400_namingTheField() {
    Reply reply =
        Storefront.put(
            "/presence/cust_1", json("status", "ONLINE", "custom_status", "x".repeat(201)));

    assertThat(reply.problem(400, "validation").getString("detail")).startsWith("custom_status:");
  }

  @Test
  void availabilityOf20Agents_comesFromOneGetPresenceCall_inTheOrderAsked() {
    Storefront.put("/presence/agent_3", json("status", "ONLINE", "custom_status", "Available"));
    Storefront.put("/presence/agent_7", json("status", "BUSY"));
    List<String> agents = IntStream.rangeClosed(1, 20).mapToObj(i -> "agent_" + i).toList();
    String query = agents.stream().map(a -> "agent_id=" + a).collect(Collectors.joining("&"));

    Reply reply = Storefront.get("/agents/availability?" + query);

    assertThat(reply.status()).isEqualTo(200);
    List<JsonObject> answer = reply.json().getJsonArray("agents").getValuesAs(JsonObject.class);
    assertThat(answer).extracting(a -> a.getString("agent_id")).containsExactlyElementsOf(agents);
    assertThat(answer.get(2).getBoolean("available")).isTrue();
    assertThat(answer.get(2).getString("status")).isEqualTo("ONLINE");
    assertThat(answer.get(2).getString("custom_status")).isEqualTo("Available");
    assertThat(answer.get(6).getBoolean("available")).isFalse();
    assertThat(answer.get(6).getString("status")).isEqualTo("BUSY");
    assertThat(answer.get(0).getString("status")).isEqualTo("OFFLINE");
    assertThat(Emulator.calls("PresenceService/GetPresence")).isEqualTo(1);
  }

  @Test
  void availability_withoutAgents_isTheSupportDesksRoster_noneUnlessConfigured() {
    Reply reply = Storefront.get("/agents/availability");

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.json().getJsonArray("agents")).isEmpty();
    assertThat(Emulator.calls("PresenceService/GetPresence")).isZero();
  }

  @Test
  void availability_ofMoreThan200Agents_isA400() {
    String query =
        IntStream.rangeClosed(1, 201)
            .mapToObj(i -> "agent_id=a" + i)
            .collect(Collectors.joining("&"));

    Storefront.get("/agents/availability?" + query).problem(400, "validation");
  }
}
