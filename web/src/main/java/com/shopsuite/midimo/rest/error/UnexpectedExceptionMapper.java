package com.shopsuite.midimo.rest.error;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * Every exception without a mapper of its own. {@link Problems} knows the few that are the caller's
 * fault ({@link MalformedBodyException}); anything else is a 500 that says only the request id,
 * with the failure logged under that id. No stack trace or exception text reaches the caller.
 */
@Provider
public class UnexpectedExceptionMapper implements ExceptionMapper<Throwable> {

  @Override
  public Response toResponse(Throwable failure) {
    return Problems.response(failure);
  }
}
