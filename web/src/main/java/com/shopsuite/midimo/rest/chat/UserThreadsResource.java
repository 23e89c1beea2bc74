package com.shopsuite.midimo.rest.chat;

import com.shopsuite.midimo.chat.ChatService;
import com.shopsuite.midimo.rest.access.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/** The threads a user takes part in (one's own; the storefront anyone's). */
@Path("/users/{user_id}/threads")
@RequestScoped
@RolesAllowed({Roles.CUSTOMER, Roles.AGENT, Roles.STOREFRONT})
@Produces(MediaType.APPLICATION_JSON)
public class UserThreadsResource {

  @Inject ChatService chat;

  @GET
  public ThreadPageView list(
      @PathParam("user_id") @Size(max = 128) String userId,
      @QueryParam("page_size") @DefaultValue("20") @Min(1) @Max(200) int pageSize,
      @QueryParam("page_token") @Size(max = 512) String pageToken) {
    String token = pageToken == null || pageToken.isBlank() ? null : pageToken;
    return ThreadPageView.of(chat.threadsOf(userId, pageSize, token));
  }
}
