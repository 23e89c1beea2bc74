package com.shopsuite.midimo.rest.error;

import jakarta.json.JsonException;
import jakarta.json.bind.JsonbException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import java.io.IOException;

/**
 * Marks a request body that JSON-B cannot read as the caller's mistake. RESTEasy reports it as a
 * {@link ProcessingException} (JSON-B's {@link JsonbException} inside), the same exception it uses
 * for failures of its own, e.g. writing a response; catching it here, where only reading happens,
 * tells the two apart so that only the first becomes a 400.
 */
@Provider
public class JsonBodyReaderInterceptor implements ReaderInterceptor {

  @Override
  public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
    try {
      return context.proceed();
    } catch (ProcessingException | JsonbException | JsonException e) {
      throw MalformedBodyException.of(e);
    }
  }
}
