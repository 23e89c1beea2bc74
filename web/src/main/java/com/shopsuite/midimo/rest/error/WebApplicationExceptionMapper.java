package com.shopsuite.midimo.rest.error;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * What JAX-RS itself rejects (unknown path 404, 405, 406, 415, unreadable body 400), with its
 * status kept, as problem+json instead of RESTEasy's HTML or empty bodies.
 */
@Provider
public class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {

  @Override
  public Response toResponse(WebApplicationException failure) {
    return Problems.response(failure);
  }
}
