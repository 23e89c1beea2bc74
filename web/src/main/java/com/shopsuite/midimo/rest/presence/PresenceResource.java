package com.shopsuite.midimo.rest.presence;

import com.shopsuite.midimo.presence.PresenceService;
import com.shopsuite.midimo.presence.PresenceStatus;
import com.shopsuite.midimo.rest.access.Roles;
import jakarta.annotation.security.RolesAllowed;
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

/** A user's presence. */
@Path("/presence/{user_id}")
@RequestScoped
@RolesAllowed({Roles.CUSTOMER, Roles.AGENT, Roles.STOREFRONT})
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class PresenceResource {

  @Inject PresenceService presence;

  @PUT
  public PresenceView update(
      @PathParam("user_id") @Size(max = 128) String userId,
      @Valid @NotNull(message = "a JSON object is required") PresenceRequest request) {
    return PresenceView.of(
        presence.updatePresence(
            userId, PresenceStatus.valueOf(request.status()), request.customStatus()));
  }
}
