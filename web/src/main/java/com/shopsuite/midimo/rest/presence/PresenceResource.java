package com.shopsuite.midimo.rest.presence;

import com.shopsuite.midimo.presence.PresenceService;
import com.shopsuite.midimo.presence.PresenceStatus;
import com.shopsuite.midimo.rest.error.ProblemResponses;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A user's presence. */
@Path("/presence/{user_id}")
@RequestScoped
@Tag(name = "Presence")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "400", ref = ProblemResponses.BAD_REQUEST)
@APIResponse(responseCode = "403", ref = ProblemResponses.FORBIDDEN)
@APIResponse(responseCode = "500", ref = ProblemResponses.INTERNAL)
@APIResponse(responseCode = "502", ref = ProblemResponses.BAD_GATEWAY)
@APIResponse(responseCode = "503", ref = ProblemResponses.SERVICE_UNAVAILABLE)
@APIResponse(responseCode = "504", ref = ProblemResponses.TIMEOUT)
public class PresenceResource {

  @Inject PresenceService presence;

  @PUT
  @Operation(
      summary = "Sets a user's presence",
      description = "The same status and text again within a few seconds is not sent again.")
  @APIResponseSchema(value = PresenceView.class, responseDescription = "The presence now")
  public PresenceView update(
      @Parameter(example = "cust_123") @PathParam("user_id") @Size(max = 128) String userId,
      @Valid @NotNull(message = "a JSON object is required") PresenceRequest request) {
    return PresenceView.of(
        presence.updatePresence(
            userId, PresenceStatus.valueOf(request.status()), request.customStatus()));
  }
}
