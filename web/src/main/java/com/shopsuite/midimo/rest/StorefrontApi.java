package com.shopsuite.midimo.rest;

import com.shopsuite.midimo.rest.error.Problem;
import com.shopsuite.midimo.rest.error.ProblemResponses;
import com.shopsuite.midimo.rest.error.Problems;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.Components;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The storefront's chat API: {@code /chat/api/v1/...} (the EAR gives the WAR {@code /chat}). The
 * OpenAPI document ({@code /openapi}) is generated from the resources; the problem responses every
 * operation shares are declared here once.
 */
@ApplicationPath("/api/v1")
@OpenAPIDefinition(
    info =
        @Info(
            title = "Storefront chat API",
            version = "1.0",
            description =
                """
                Customer support chat for the storefront, relayed to Midimo Chat. JSON in and out, \
                snake_case field names, timestamps as ISO-8601 UTC strings; a field without a \
                value is present as null. Every response carries X-Request-Id: the caller's, \
                when it sent an acceptable one (1 to 128 of A-Z a-z 0-9 . _ : -), or a new one. \
                Errors are application/problem+json with type, title, status, detail and \
                request_id."""),
    tags = {
      @Tag(name = "Support threads", description = "An order's customer-support thread"),
      @Tag(name = "Threads", description = "Reading and posting in a thread; typing"),
      @Tag(name = "Thread events", description = "A thread's live events (Server-Sent Events)"),
      @Tag(name = "Presence", description = "Users' presence and agents' availability"),
      @Tag(name = "Notifications", description = "A user's notifications")
    },
    components =
        @Components(
            responses = {
              @APIResponse(
                  name = ProblemResponses.BAD_REQUEST,
                  description =
                      "Invalid request: a field, parameter or header breaks its rule (the detail"
                          + " names it), or the body is not valid JSON.",
                  content =
                      @Content(
                          mediaType = Problems.PROBLEM_JSON,
                          schema = @Schema(implementation = Problem.class),
                          examples = {
                            @ExampleObject(
                                name = "missing-field",
                                value =
                                    """
                                    {"type": "urn:shopsuite:midimo-chat:problem:validation", \
                                    "title": "Invalid request", "status": 400, \
                                    "detail": "customer_id: must not be blank", \
                                    "request_id": "3f2b8c1e-5d4a-4f7b-9e21-0c6d8a9b7e10"}"""),
                            @ExampleObject(
                                name = "malformed-json",
                                value =
                                    """
                                    {"type": "urn:shopsuite:midimo-chat:problem:validation", \
                                    "title": "Invalid request", "status": 400, \
                                    "detail": "request body is not valid JSON (line 1, column 18)", \
                                    "request_id": "3f2b8c1e-5d4a-4f7b-9e21-0c6d8a9b7e10"}""")
                          })),
              @APIResponse(
                  name = ProblemResponses.FORBIDDEN,
                  description =
                      "Midimo Chat does not allow this (e.g. the user is not a participant).",
                  content =
                      @Content(
                          mediaType = Problems.PROBLEM_JSON,
                          schema = @Schema(implementation = Problem.class),
                          example =
                              """
                              {"type": "urn:shopsuite:midimo-chat:problem:forbidden", \
                              "title": "Not allowed", "status": 403, \
                              "detail": "user cust_9 is not a participant of thread th_1a2b", \
                              "request_id": "3f2b8c1e-5d4a-4f7b-9e21-0c6d8a9b7e10"}""")),
              @APIResponse(
                  name = ProblemResponses.NOT_FOUND,
                  description = "The thread, notification or path does not exist.",
                  content =
                      @Content(
                          mediaType = Problems.PROBLEM_JSON,
                          schema = @Schema(implementation = Problem.class),
                          example =
                              """
                              {"type": "urn:shopsuite:midimo-chat:problem:not-found", \
                              "title": "Not found", "status": 404, \
                              "detail": "thread th_1a2b not found", \
                              "request_id": "3f2b8c1e-5d4a-4f7b-9e21-0c6d8a9b7e10"}""")),
              @APIResponse(
                  name = ProblemResponses.CONFLICT,
                  description =
                      "Conflicts with what Midimo Chat holds, e.g. an Idempotency-Key reused with"
                          + " a different body.",
                  content =
                      @Content(
                          mediaType = Problems.PROBLEM_JSON,
                          schema = @Schema(implementation = Problem.class),
                          example =
                              """
                              {"type": "urn:shopsuite:midimo-chat:problem:conflict", \
                              "title": "Conflict", "status": 409, \
                              "detail": "request_id was already used with a different request", \
                              "request_id": "3f2b8c1e-5d4a-4f7b-9e21-0c6d8a9b7e10"}""")),
              @APIResponse(
                  name = ProblemResponses.INTERNAL,
                  description = "Unexpected error; the detail gives only the request id to quote.",
                  content =
                      @Content(
                          mediaType = Problems.PROBLEM_JSON,
                          schema = @Schema(implementation = Problem.class),
                          example =
                              """
                              {"type": "urn:shopsuite:midimo-chat:problem:internal", \
                              "title": "Internal error", "status": 500, \
                              "detail": "unexpected error; quote request id 3f2b8c1e-5d4a-4f7b-9e21-0c6d8a9b7e10", \
                              "request_id": "3f2b8c1e-5d4a-4f7b-9e21-0c6d8a9b7e10"}""")),
              @APIResponse(
                  name = ProblemResponses.BAD_GATEWAY,
                  description =
                      "Midimo Chat rejected this server's credentials: an operator must fix the"
                          + " configuration.",
                  content =
                      @Content(
                          mediaType = Problems.PROBLEM_JSON,
                          schema = @Schema(implementation = Problem.class),
                          example =
                              """
                              {"type": "urn:shopsuite:midimo-chat:problem:bad-gateway", \
                              "title": "Midimo Chat rejected this server", "status": 502, \
                              "detail": "Midimo Chat rejected this server's credentials. Operators: check the shared secret (midimo.chat.jwt.secret-key) and key id (midimo.chat.jwt.key-id).", \
                              "request_id": "3f2b8c1e-5d4a-4f7b-9e21-0c6d8a9b7e10"}""")),
              @APIResponse(
                  name = ProblemResponses.SERVICE_UNAVAILABLE,
                  description =
                      "Midimo Chat is down or overloaded, or calls to it are suspended (circuit"
                          + " open). Try again after Retry-After seconds.",
                  headers =
                      @Header(
                          name = "Retry-After",
                          description = "Seconds to wait before trying again",
                          schema = @Schema(type = SchemaType.INTEGER, examples = "10")),
                  content =
                      @Content(
                          mediaType = Problems.PROBLEM_JSON,
                          schema = @Schema(implementation = Problem.class),
                          example =
                              """
                              {"type": "urn:shopsuite:midimo-chat:problem:service-unavailable", \
                              "title": "Midimo Chat is unavailable", "status": 503, \
                              "detail": "Midimo Chat cannot take requests now; try again in 10 s", \
                              "request_id": "3f2b8c1e-5d4a-4f7b-9e21-0c6d8a9b7e10"}""")),
              @APIResponse(
                  name = ProblemResponses.TIMEOUT,
                  description = "Midimo Chat did not answer in time. Writes may be retried safely.",
                  content =
                      @Content(
                          mediaType = Problems.PROBLEM_JSON,
                          schema = @Schema(implementation = Problem.class),
                          example =
                              """
                              {"type": "urn:shopsuite:midimo-chat:problem:timeout", \
                              "title": "Midimo Chat did not answer in time", "status": 504, \
                              "detail": "Midimo Chat did not answer in time; try again", \
                              "request_id": "3f2b8c1e-5d4a-4f7b-9e21-0c6d8a9b7e10"}"""))
            }))
public class StorefrontApi extends Application {}
