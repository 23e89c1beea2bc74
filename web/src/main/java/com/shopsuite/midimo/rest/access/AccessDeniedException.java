package com.shopsuite.midimo.rest.access;

/**
 * The caller is known but may not do this (a role it lacks, another user's resource): a 403. The
 * message says which rule refused, never what exists.
 */
public class AccessDeniedException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public AccessDeniedException(String reason) {
    super(reason);
  }
}
