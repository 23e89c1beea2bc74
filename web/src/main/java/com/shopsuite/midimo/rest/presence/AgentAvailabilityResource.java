package com.shopsuite.midimo.rest.presence;

import com.shopsuite.midimo.presence.PresenceService;
import com.shopsuite.midimo.rest.error.ProblemResponses;
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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Which support agents can take a chat. */
@Path("/agents/availability")
@RequestScoped
@Tag(name = "Presence")
@Produces(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "400", ref = ProblemResponses.BAD_REQUEST)
@APIResponse(responseCode = "500", ref = ProblemResponses.INTERNAL)
@APIResponse(responseCode = "502", ref = ProblemResponses.BAD_GATEWAY)
@APIResponse(responseCode = "503", ref = ProblemResponses.SERVICE_UNAVAILABLE)
@APIResponse(responseCode = "504", ref = ProblemResponses.TIMEOUT)
public class AgentAvailabilityResource {

  @Inject PresenceService presence;

  @GET
  @Operation(
      summary = "Which agents can take a chat",
      description = "One call to Midimo Chat however many agents are asked for.")
  @APIResponseSchema(
      value = AgentAvailabilityListView.class,
      responseDescription = "The agents, in the order asked")
  public AgentAvailabilityListView availability(
      @Parameter(description = "An agent's id; repeat for each agent (1 to 200)")
          @QueryParam("agent_id")
          @Size(min = 1, max = 200, message = "give 1 to 200 values")
          List<@NotBlank @Size(max = 128) String> agentIds) {
    return new AgentAvailabilityListView(
        presence.getAgentAvailability(agentIds).stream().map(AgentAvailabilityView::of).toList());
  }
}
