package com.shopsuite.midimo.it.rest;

import com.shopsuite.midimo.it.RunningSystem;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Bearer tokens of the issuer the tests' server trusts ({@link RunningSystem#issuer()}): valid ones
 * for each role, minted once per caller.
 */
public final class Tokens {

  /** The suite's own backend: acts for any user. */
  public static final String STOREFRONT_SUBJECT = "storefront-backend";

  private static final Map<String, String> MINTED = new ConcurrentHashMap<>();

  private Tokens() {}

  public static String storefront() {
    return of(STOREFRONT_SUBJECT, "storefront");
  }

  public static String customer(String id) {
    return of(id, "customer");
  }

  public static String agent(String id) {
    return of(id, "agent");
  }

  public static String of(String subject, String... roles) {
    return MINTED.computeIfAbsent(
        subject + " " + String.join(",", roles),
        key -> RunningSystem.issuer().token(subject, List.of(roles), Duration.ofHours(2)));
  }
}
