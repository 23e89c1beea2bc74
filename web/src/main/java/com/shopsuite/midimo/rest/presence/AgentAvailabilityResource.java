package com.shopsuite.midimo.rest.presence;

import com.shopsuite.midimo.chat.SupportDesk;
import com.shopsuite.midimo.presence.PresenceService;
import com.shopsuite.midimo.rest.access.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/** Which support agents can take a chat. */
@Path("/agents/availability")
@RequestScoped
@RolesAllowed({Roles.CUSTOMER, Roles.AGENT, Roles.STOREFRONT})
@Produces(MediaType.APPLICATION_JSON)
public class AgentAvailabilityResource {

  @Inject PresenceService presence;

  @Inject SupportDesk desk;

  /** The agents asked for; without {@code agent_id}, the support desk's roster. */
  @GET
  public AgentAvailabilityListView availability(
      @QueryParam("agent_id") @Size(max = 200, message = "give at most 200 values")
          List<@NotBlank @Size(max = 128) String> agentIds) {
    List<String> agents = agentIds == null || agentIds.isEmpty() ? desk.roster() : agentIds;
    if (agents.isEmpty()) {
      return new AgentAvailabilityListView(List.of());
    }
    return new AgentAvailabilityListView(
        presence.getAgentAvailability(agents).stream().map(AgentAvailabilityView::of).toList());
  }
}
