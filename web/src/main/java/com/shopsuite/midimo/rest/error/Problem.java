package com.shopsuite.midimo.rest.error;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * An error answer, {@code application/problem+json} (RFC 9457). Every failure of the API has this
 * shape, so a client handles errors in one place too.
 *
 * @param type what kind of failure, a URN such as {@code
 *     urn:shopsuite:midimo-chat:problem:conflict}
 * @param requestId the request's {@code X-Request-Id}: quote it when reporting a problem
 */
@Schema(
    name = "Problem",
    description = "An error (application/problem+json, RFC 9457).",
    example =
        """
        {"type": "urn:shopsuite:midimo-chat:problem:validation", "title": "Invalid request", \
        "status": 400, "detail": "customer_id: must not be blank", \
        "request_id": "3f2b8c1e-5d4a-4f7b-9e21-0c6d8a9b7e10"}""")
public record Problem(
    @Schema(example = "urn:shopsuite:midimo-chat:problem:validation") String type,
    @Schema(example = "Invalid request") String title,
    @Schema(example = "400") int status,
    @Schema(example = "customer_id: must not be blank") String detail,
    @Schema(example = "3f2b8c1e-5d4a-4f7b-9e21-0c6d8a9b7e10") String requestId) {}
