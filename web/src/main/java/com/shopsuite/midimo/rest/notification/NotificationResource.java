package com.shopsuite.midimo.rest.notification;

import com.shopsuite.midimo.notification.NotificationService;
import com.shopsuite.midimo.rest.error.ProblemResponses;
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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A user's notifications. */
@Path("/users/{user_id}/notifications")
@RequestScoped
@Tag(name = "Notifications")
@Produces(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "400", ref = ProblemResponses.BAD_REQUEST)
@APIResponse(responseCode = "403", ref = ProblemResponses.FORBIDDEN)
@APIResponse(responseCode = "500", ref = ProblemResponses.INTERNAL)
@APIResponse(responseCode = "502", ref = ProblemResponses.BAD_GATEWAY)
@APIResponse(responseCode = "503", ref = ProblemResponses.SERVICE_UNAVAILABLE)
@APIResponse(responseCode = "504", ref = ProblemResponses.TIMEOUT)
public class NotificationResource {

  @Inject NotificationService notifications;

  @GET
  @Operation(summary = "A page of the user's notifications, newest first")
  @APIResponseSchema(value = NotificationPageView.class, responseDescription = "The page")
  public NotificationPageView list(
      @Parameter(example = "cust_123") @PathParam("user_id") @Size(max = 128) String userId,
      @Parameter(description = "Only the unread ones")
          @QueryParam("unread_only")
          @DefaultValue("false")
          boolean unreadOnly,
      @Parameter(description = "Page size, 1 to 200")
          @QueryParam("page_size")
          @DefaultValue("50")
          @Min(1)
          @Max(200)
          int pageSize,
      @Parameter(description = "The previous page's next_page_token; absent for the first page")
          @QueryParam("page_token")
          @Size(max = 512)
          String pageToken) {
    String token = pageToken == null || pageToken.isBlank() ? null : pageToken;
    return NotificationPageView.of(
        notifications.listNotifications(userId, unreadOnly, pageSize, token));
  }

  @POST
  @Path("/{notification_id}/read")
  @Operation(summary = "Marks a notification read")
  @APIResponseSchema(value = NotificationView.class, responseDescription = "The notification")
  @APIResponse(responseCode = "404", ref = ProblemResponses.NOT_FOUND)
  public NotificationView markRead(
      @PathParam("user_id") @Size(max = 128) String userId,
      @Parameter(example = "ntf_0042") @PathParam("notification_id") @Size(max = 128)
          String notificationId) {
    return NotificationView.of(notifications.markRead(userId, notificationId));
  }
}
