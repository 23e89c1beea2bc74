package com.shopsuite.midimo.rest.access;

/**
 * The request carries no bearer token the server accepted: a 401 with {@code WWW-Authenticate:
 * Bearer}. The message says why, for the caller; it never contains the token.
 */
public class NotAuthenticatedException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public NotAuthenticatedException(String reason) {
    super(reason);
  }
}
