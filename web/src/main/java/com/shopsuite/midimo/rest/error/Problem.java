package com.shopsuite.midimo.rest.error;

/**
 * An error answer, {@code application/problem+json} (RFC 9457). Every failure of the API has this
 * shape, so a client handles errors in one place too.
 *
 * @param type what kind of failure, a URN such as {@code
 *     urn:shopsuite:midimo-chat:problem:conflict}
 * @param requestId the request's {@code X-Request-Id}: quote it when reporting a problem
 */
public record Problem(String type, String title, int status, String detail, String requestId) {}
