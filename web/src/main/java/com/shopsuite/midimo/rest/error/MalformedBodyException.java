package com.shopsuite.midimo.rest.error;

import jakarta.json.stream.JsonLocation;
import jakarta.json.stream.JsonParsingException;

/**
 * The request body could not be read as the JSON the operation expects: not JSON at all, or JSON of
 * the wrong shape (a string where a list belongs, an unknown enum constant). Its message is meant
 * for the caller: where the JSON broke, never our class names. A 400, by {@link Problems} (it
 * reaches it through {@link UnexpectedExceptionMapper}, the mapper of last resort, as any exception
 * without a mapper of its own does).
 */
public class MalformedBodyException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  MalformedBodyException(String message, Throwable cause) {
    super(message, cause);
  }

  static MalformedBodyException of(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof JsonParsingException parsing) {
        JsonLocation at = parsing.getLocation();
        String where =
            at == null
                ? ""
                : " (line " + at.getLineNumber() + ", column " + at.getColumnNumber() + ")";
        return new MalformedBodyException("request body is not valid JSON" + where, failure);
      }
      if (cause.getCause() == cause) {
        break;
      }
    }
    return new MalformedBodyException(
        "request body does not match the expected JSON object (check field types and values)",
        failure);
  }
}
