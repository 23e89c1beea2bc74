package com.shopsuite.midimo.context;

/**
 * Marks work that retries its failed calls itself, later and without holding its thread: the
 * order-event lanes, which schedule a message per retry. The calls such work makes to Midimo Chat
 * are tried once and never retried in place, because a retry that waits inside a JMS delivery holds
 * the delivery's session, and with it every message group pinned to that consumer.
 *
 * <p>Bound to the current thread for the duration of the work, like {@link RequestId}:
 *
 * <pre>{@code
 * try (RequestId.Scope scope = RetriedByCaller.bind()) {
 *   chatService.postOrderUpdate(...);
 * }
 * }</pre>
 */
public final class RetriedByCaller {

  private static final ThreadLocal<Boolean> CURRENT = new ThreadLocal<>();

  private RetriedByCaller() {}

  /** Whether the work on this thread retries its calls itself. */
  public static boolean isBound() {
    return CURRENT.get() != null;
  }

  /** Marks this thread's work until the returned scope is closed, which restores what was. */
  public static RequestId.Scope bind() {
    Boolean previous = CURRENT.get();
    CURRENT.set(Boolean.TRUE);
    return () -> {
      if (previous == null) {
        CURRENT.remove();
      } else {
        CURRENT.set(previous);
      }
    };
  }
}
