package com.shopsuite.midimo.rest.error;

import com.shopsuite.midimo.context.LogText;
import com.shopsuite.midimo.context.RequestId;
import com.shopsuite.midimo.error.AuthenticationException;
import com.shopsuite.midimo.error.AuthorizationException;
import com.shopsuite.midimo.error.ConflictException;
import com.shopsuite.midimo.error.MidimoChatException;
import com.shopsuite.midimo.error.ResourceNotFoundException;
import com.shopsuite.midimo.error.ServiceTimeoutException;
import com.shopsuite.midimo.error.ServiceUnavailableException;
import com.shopsuite.midimo.error.ValidationException;
import com.shopsuite.midimo.rest.access.AccessDeniedException;
import com.shopsuite.midimo.rest.access.NotAuthenticatedException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

/**
 * The one table from a failure to its HTTP answer: status, problem type, title, detail, headers.
 * The exception mappers only hand their exception here, so every error of the API, whatever raised
 * it, has the same shape and the same rules (no stack trace, no secret, always the request id).
 */
public final class Problems {

  public static final String PROBLEM_JSON = "application/problem+json";
  public static final MediaType PROBLEM_JSON_TYPE = new MediaType("application", "problem+json");
  public static final String TYPE_PREFIX = "urn:shopsuite:midimo-chat:problem:";

  /** When Midimo Chat is unavailable and nobody said for how long. */
  static final Duration DEFAULT_RETRY_AFTER = Duration.ofSeconds(5);

  /** Text from Midimo Chat is passed on to callers, but never more than this much of it. */
  private static final int MAX_DETAIL_LENGTH = 500;

  private static final Logger LOG = Logger.getLogger(Problems.class.getName());

  /**
   * The kinds of failure the API reports, each with its status, type and title (package-private for
   * OpenApiDocumentTest).
   */
  enum Kind {
    VALIDATION(400, "validation", "Invalid request"),
    UNAUTHORIZED(401, "unauthorized", "Authentication required"),
    FORBIDDEN(403, "forbidden", "Not allowed"),
    NOT_FOUND(404, "not-found", "Not found"),
    METHOD_NOT_ALLOWED(405, "method-not-allowed", "Method not allowed"),
    NOT_ACCEPTABLE(406, "not-acceptable", "Not acceptable"),
    CONFLICT(409, "conflict", "Conflict"),
    UNSUPPORTED_MEDIA_TYPE(415, "unsupported-media-type", "Unsupported media type"),
    INTERNAL(500, "internal", "Internal error"),
    BAD_GATEWAY(502, "bad-gateway", "Midimo Chat rejected this server"),
    SERVICE_UNAVAILABLE(503, "service-unavailable", "Midimo Chat is unavailable"),
    TIMEOUT(504, "timeout", "Midimo Chat did not answer in time");

    final int status;
    final String type;
    final String title;

    Kind(int status, String slug, String title) {
      this.status = status;
      this.type = TYPE_PREFIX + slug;
      this.title = title;
    }
  }

  /** A failure's answer: the problem body and the headers that go with it. */
  public record Answer(Problem problem, Map<String, String> headers) {}

  private Problems() {}

  /**
   * The JAX-RS response for a failure of the current request (the request id bound by {@code
   * RequestIdFilter}). Logs what an operator must see: unexpected failures with their stack trace,
   * and rejected credentials.
   */
  public static Response response(Throwable failure) {
    String requestId = RequestId.current().orElseGet(RequestId::generate);
    Answer answer = answer(failure, requestId);
    log(answer, failure);
    Response.ResponseBuilder response =
        Response.status(answer.problem().status()).type(PROBLEM_JSON_TYPE).entity(answer.problem());
    answer.headers().forEach(response::header);
    return response.build();
  }

  /** The table itself: pure, so that every row is unit-tested. */
  public static Answer answer(Throwable failure, String requestId) {
    if (failure instanceof MidimoChatException chat) {
      return ofChat(chat, requestId);
    }
    if (failure instanceof ConstraintViolationException violations) {
      return ofViolations(violations, requestId);
    }
    if (failure instanceof MalformedBodyException malformed) {
      return of(Kind.VALIDATION, malformed.getMessage(), requestId);
    }
    if (failure instanceof NotAuthenticatedException unauthenticated) {
      return unauthorized(unauthenticated.getMessage(), false, requestId);
    }
    if (failure instanceof AccessDeniedException denied) {
      return of(Kind.FORBIDDEN, denied.getMessage(), requestId);
    }
    if (failure instanceof WebApplicationException web) {
      return ofWeb(web, requestId);
    }
    return unexpected(requestId);
  }

  private static Answer ofChat(MidimoChatException failure, String requestId) {
    if (failure instanceof ValidationException) {
      return of(Kind.VALIDATION, upstreamText(failure), requestId);
    }
    if (failure instanceof AuthorizationException) {
      return of(Kind.FORBIDDEN, upstreamText(failure), requestId);
    }
    if (failure instanceof ResourceNotFoundException) {
      return of(Kind.NOT_FOUND, upstreamText(failure), requestId);
    }
    if (failure instanceof ConflictException) {
      return of(Kind.CONFLICT, upstreamText(failure), requestId);
    }
    if (failure instanceof ServiceUnavailableException unavailable) {
      long seconds = retryAfterSeconds(unavailable);
      return new Answer(
          problem(
              Kind.SERVICE_UNAVAILABLE,
              "Midimo Chat cannot take requests now; try again in " + seconds + " s",
              requestId),
          Map.of(HttpHeaders.RETRY_AFTER, Long.toString(seconds)));
    }
    if (failure instanceof ServiceTimeoutException) {
      return of(Kind.TIMEOUT, "Midimo Chat did not answer in time; try again", requestId);
    }
    if (failure instanceof AuthenticationException) {
      // The exception's own text is for the log; the caller learns only that it is not their fault.
      return of(
          Kind.BAD_GATEWAY,
          "Midimo Chat rejected this server's credentials. Operators: check the shared secret"
              + " (midimo.chat.jwt.secret-key) and key id (midimo.chat.jwt.key-id).",
          requestId);
    }
    // ServiceFailureException and any kind added later: nothing the caller can act on.
    return unexpected(requestId);
  }

  private static Answer ofViolations(ConstraintViolationException failure, String requestId) {
    Set<ConstraintViolation<?>> violations = failure.getConstraintViolations();
    if (violations == null || violations.isEmpty()) {
      return of(Kind.VALIDATION, "the request is invalid", requestId);
    }
    if (violations.stream().anyMatch(Problems::isOnReturnValue)) {
      // A view we built broke its own constraints: our bug, not the caller's.
      return unexpected(requestId);
    }
    String detail =
        violations.stream()
            .map(violation -> FieldNames.of(violation) + ": " + violation.getMessage())
            .sorted()
            .distinct()
            .collect(Collectors.joining("; "));
    return of(Kind.VALIDATION, detail, requestId);
  }

  private static boolean isOnReturnValue(ConstraintViolation<?> violation) {
    return StreamSupport.stream(violation.getPropertyPath().spliterator(), false)
        .map(Path.Node::getKind)
        .anyMatch(kind -> kind == ElementKind.RETURN_VALUE);
  }

  private static Answer ofWeb(WebApplicationException failure, String requestId) {
    int status = failure.getResponse() == null ? 500 : failure.getResponse().getStatus();
    if (failure instanceof NotFoundException && failure.getCause() != null) {
      // JAX-RS answers 404 when a path or query parameter cannot be converted (e.g. limit=abc);
      // the resource exists, the value is wrong.
      return of(
          Kind.VALIDATION,
          "a path or query parameter has a value of the wrong type (e.g. a number is expected)",
          requestId);
    }
    return switch (status) {
      case 400 -> of(Kind.VALIDATION, "the request is invalid", requestId);
      case 404 -> of(Kind.NOT_FOUND, "there is no resource at this path", requestId);
      case 405 -> ofMethodNotAllowed(failure, requestId);
      case 406 ->
          of(
              Kind.NOT_ACCEPTABLE,
              "this resource cannot answer in the media type asked for",
              requestId);
      case 415 ->
          of(Kind.UNSUPPORTED_MEDIA_TYPE, "send the request body as application/json", requestId);
      default -> status >= 500 ? unexpected(requestId) : ofOtherClientError(status, requestId);
    };
  }

  private static Answer ofMethodNotAllowed(WebApplicationException failure, String requestId) {
    String allow = failure.getResponse().getHeaderString(HttpHeaders.ALLOW);
    Map<String, String> headers = new LinkedHashMap<>();
    String detail = "this resource does not support the request's method";
    if (allow != null && !allow.isBlank()) {
      headers.put(HttpHeaders.ALLOW, allow);
      detail += "; allowed: " + allow;
    }
    return new Answer(problem(Kind.METHOD_NOT_ALLOWED, detail, requestId), Map.copyOf(headers));
  }

  /** A 4xx JAX-RS raised that the API does not name a kind for: keep its status. */
  private static Answer ofOtherClientError(int status, String requestId) {
    Response.Status known = Response.Status.fromStatusCode(status);
    String title = known != null ? known.getReasonPhrase() : "Client error";
    Problem problem = new Problem(TYPE_PREFIX + "http-" + status, title, status, title, requestId);
    return new Answer(problem, Map.of());
  }

  /**
   * A 401: the request has no bearer token the server accepted. {@code WWW-Authenticate} names the
   * scheme (RFC 6750) and, when a token was sent and refused, says {@code invalid_token}; the
   * detail says why, and never holds the token itself.
   *
   * @param tokenRefused whether a token was sent (and refused), rather than none at all
   */
  public static Answer unauthorized(String detail, boolean tokenRefused, String requestId) {
    String challenge = tokenRefused ? CHALLENGE + ", error=\"invalid_token\"" : CHALLENGE;
    return new Answer(
        problem(Kind.UNAUTHORIZED, detail, requestId),
        Map.of(HttpHeaders.WWW_AUTHENTICATE, challenge));
  }

  private static final String CHALLENGE = "Bearer realm=\"midimo-chat\"";

  private static Answer unexpected(String requestId) {
    return of(Kind.INTERNAL, "unexpected error; quote request id " + requestId, requestId);
  }

  private static Answer of(Kind kind, String detail, String requestId) {
    return new Answer(problem(kind, detail, requestId), Map.of());
  }

  private static Problem problem(Kind kind, String detail, String requestId) {
    return new Problem(kind.type, kind.title, kind.status, detail, requestId);
  }

  /** Retry-After in whole seconds, rounded up, never 0. */
  static long retryAfterSeconds(ServiceUnavailableException failure) {
    Duration wait = failure.retryAfter().orElse(DEFAULT_RETRY_AFTER);
    long seconds = wait.toSeconds();
    if (wait.toNanosPart() > 0) {
      seconds++;
    }
    return Math.max(1, seconds);
  }

  /** What Midimo Chat said, on one line and bounded: it is shown to the caller. */
  private static String upstreamText(MidimoChatException failure) {
    String text = failure.getMessage();
    if (text == null || text.isBlank()) {
      return "no details";
    }
    String line = text.replace('\r', ' ').replace('\n', ' ');
    return line.length() <= MAX_DETAIL_LENGTH ? line : line.substring(0, MAX_DETAIL_LENGTH) + "...";
  }

  private static void log(Answer answer, Throwable failure) {
    String requestId = answer.problem().requestId();
    String type = answer.problem().type();
    if (type.equals(Kind.INTERNAL.type)) {
      LOG.log(Level.SEVERE, "unexpected error, request_id=" + requestId, failure);
    } else if (type.equals(Kind.BAD_GATEWAY.type)) {
      LOG.log(
          Level.SEVERE,
          "Midimo Chat rejected this server's credentials, request_id="
              + requestId
              + ": "
              + LogText.of(failure.getMessage()));
    }
  }
}
