package com.shopsuite.midimo.presence;

/** How available a user is. */
public enum PresenceStatus {
  ONLINE,
  AWAY,
  BUSY,
  OFFLINE
}
