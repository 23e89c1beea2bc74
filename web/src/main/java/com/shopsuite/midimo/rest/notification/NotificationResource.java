package com.shopsuite.midimo.rest.notification;

import com.shopsuite.midimo.notification.NotificationService;
import com.shopsuite.midimo.rest.access.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/** A user's notifications. */
@Path("/users/{user_id}/notifications")
@RequestScoped
@RolesAllowed({Roles.CUSTOMER, Roles.AGENT, Roles.STOREFRONT})
@Produces(MediaType.APPLICATION_JSON)
public class NotificationResource {

  @Inject NotificationService notifications;

  @GET
  public NotificationPageView list(
      @PathParam("user_id") @Size(max = 128) String userId,
      @QueryParam("unread_only") @DefaultValue("false") boolean unreadOnly,
      @QueryParam("page_size") @DefaultValue("50") @Min(1) @Max(200) int pageSize,
      @QueryParam("page_token") @Size(max = 512) String pageToken) {
    String token = pageToken == null || pageToken.isBlank() ? null : pageToken;
    return NotificationPageView.of(
        notifications.listNotifications(userId, unreadOnly, pageSize, token));
  }

  @POST
  @Path("/{notification_id}/read")
  public NotificationView markRead(
      @PathParam("user_id") @Size(max = 128) String userId,
      @PathParam("notification_id") @Size(max = 128) String notificationId) {
    return NotificationView.of(notifications.markRead(userId, notificationId));
  }
}
