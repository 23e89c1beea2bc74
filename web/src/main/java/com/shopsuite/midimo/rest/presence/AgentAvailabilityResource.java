package com.shopsuite.midimo.rest.presence;

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

  @GET
  public AgentAvailabilityListView availability(
      @QueryParam("agent_id") @Size(min = 1, max = 200, message = "give 1 to 200 values")
          List<@NotBlank @Size(max = 128) String> agentIds) {
    return new AgentAvailabilityListView(
        presence.getAgentAvailability(agentIds).stream().map(AgentAvailabilityView::of).toList());
  }
}
