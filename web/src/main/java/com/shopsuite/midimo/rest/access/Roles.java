package com.shopsuite.midimo.rest.access;

/**
 * The roles a token's {@code groups} claim can carry. Customers and agents act only as themselves;
 * the storefront (the suite's own backend) is trusted to act for any user, whom it names in the
 * request.
 */
public final class Roles {

  public static final String CUSTOMER = "customer";
  public static final String AGENT = "agent";
  public static final String STOREFRONT = "storefront";

  private Roles() {}
}
