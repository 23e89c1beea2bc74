package com.shopsuite.midimo.rest.access;

import com.shopsuite.midimo.chat.ChatService;
import com.shopsuite.midimo.error.ResourceNotFoundException;
import com.shopsuite.midimo.error.ValidationException;
import jakarta.annotation.Priority;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.Provider;
import java.lang.reflect.Method;
import java.util.Arrays;

/**
 * The storefront API's access rules that a request's path decides, applied to every request before
 * its resource runs (the rules a body decides are {@link Caller#actAs}'s):
 *
 * <ul>
 *   <li>no verified token, or one that names no subject: 401;
 *   <li>a token without one of the roles the operation allows ({@link RolesAllowed} on the resource
 *       method or class): 403;
 *   <li>a thread ({@code {thread_id}}): its participants only, the storefront any; a thread the
 *       caller may not see answers 404, exactly like one that does not exist;
 *   <li>a user's own resources ({@code {user_id}}: presence, notifications, threads): that user
 *       only, the storefront anyone's: 403.
 * </ul>
 *
 * Tokens are taken only from the {@code Authorization} header (MicroProfile JWT), never from the
 * URL, which reaches access logs: a request that puts one there is refused.
 */
@Provider
@Priority(Priorities.AUTHORIZATION)
public class AccessControl implements ContainerRequestFilter {

  static final String THREAD_ID = "thread_id";
  static final String USER_ID = "user_id";
  private static final String[] TOKEN_PARAMETERS = {"access_token", "token", "jwt"};

  @Context ResourceInfo resource;

  @Inject Caller caller;

  @Inject ChatService chat;

  @Override
  public void filter(ContainerRequestContext request) {
    MultivaluedMap<String, String> query = request.getUriInfo().getQueryParameters();
    for (String name : TOKEN_PARAMETERS) {
      if (query.containsKey(name)) {
        throw new ValidationException(
            name + ": tokens are accepted only in the Authorization header, never in the URL");
      }
    }
    if (!caller.isAuthenticated()) {
      throw new NotAuthenticatedException(
          caller.hasToken()
              ? "the bearer token names no subject (sub or upn)"
              : "a bearer token is required: Authorization: Bearer <JWT>");
    }
    requireRole();
    MultivaluedMap<String, String> path = request.getUriInfo().getPathParameters();
    String userId = path.getFirst(USER_ID);
    if (userId != null && !caller.mayActAs(userId)) {
      throw new AccessDeniedException(USER_ID + ": a caller may act only for itself");
    }
    String threadId = path.getFirst(THREAD_ID);
    if (threadId != null && !caller.actsForAnyone()) {
      requireParticipant(threadId);
    }
  }

  private void requireRole() {
    RolesAllowed allowed = rolesAllowed(resource.getResourceMethod(), resource.getResourceClass());
    if (allowed != null && Arrays.stream(allowed.value()).noneMatch(caller::hasRole)) {
      throw new AccessDeniedException(
          "this operation is for the role(s) " + String.join(", ", allowed.value()));
    }
  }

  /** A thread the caller takes no part in is, to them, a thread that does not exist. */
  private void requireParticipant(String threadId) {
    boolean participant;
    try {
      participant = chat.isParticipant(threadId, caller.id());
    } catch (ResourceNotFoundException gone) {
      participant = false;
    }
    if (!participant) {
      throw new ResourceNotFoundException("thread " + threadId + " not found", null);
    }
  }

  private static RolesAllowed rolesAllowed(Method method, Class<?> type) {
    if (method != null && method.isAnnotationPresent(RolesAllowed.class)) {
      return method.getAnnotation(RolesAllowed.class);
    }
    return type == null ? null : type.getAnnotation(RolesAllowed.class);
  }
}
