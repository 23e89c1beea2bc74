package com.shopsuite.midimo.remote;

/** Who may call the remote views: application users in this role ({@code add-user.sh -g}). */
public final class SuiteService {

  public static final String ROLE = "suite-service";

  /** The Elytron application security domain of the remote callers (ApplicationRealm). */
  public static final String SECURITY_DOMAIN = "other";

  /** Where the application's own beans are: midimo-chat.ear's ejb module. */
  static final String APPLICATION = "java:global/midimo-chat/midimo-chat-ejb/";

  private SuiteService() {}
}
