package com.shopsuite.midimo.rest.error;

/**
 * Names of the problem responses that {@code StorefrontApi}'s OpenAPI definition declares once, for
 * operations to refer to ({@code @APIResponse(responseCode = "404", ref =
 * ProblemResponses.NOT_FOUND)}).
 */
public final class ProblemResponses {

  public static final String BAD_REQUEST = "BadRequest";
  public static final String FORBIDDEN = "Forbidden";
  public static final String NOT_FOUND = "NotFound";
  public static final String CONFLICT = "Conflict";
  public static final String INTERNAL = "InternalError";
  public static final String BAD_GATEWAY = "BadGateway";
  public static final String SERVICE_UNAVAILABLE = "ServiceUnavailable";
  public static final String TIMEOUT = "GatewayTimeout";

  private ProblemResponses() {}
}
