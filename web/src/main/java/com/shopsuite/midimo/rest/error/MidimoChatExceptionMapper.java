package com.shopsuite.midimo.rest.error;

import com.shopsuite.midimo.error.MidimoChatException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** Midimo Chat's failures, as {@link Problems} maps them. */
@Provider
public class MidimoChatExceptionMapper implements ExceptionMapper<MidimoChatException> {

  @Override
  public Response toResponse(MidimoChatException failure) {
    return Problems.response(failure);
  }
}
