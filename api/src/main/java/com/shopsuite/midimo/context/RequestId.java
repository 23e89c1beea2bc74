package com.shopsuite.midimo.context;

import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The id that ties one piece of work together across logs and systems: taken from the incoming HTTP
 * request ({@code X-Request-Id}) or JMS message when there is one, sent to Midimo Chat as {@code
 * x-request-id} metadata, and printed in every call log line.
 *
 * <p>Bound to the current thread for the duration of the work, with try-with-resources:
 *
 * <pre>{@code
 * try (RequestId.Scope scope = RequestId.bind(incomingId)) {
 *   chatService.sendMessage(...);
 * }
 * }</pre>
 */
public final class RequestId {

  /** What an id from outside may look like; anything else is replaced, never logged verbatim. */
  private static final Pattern ACCEPTABLE = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

  private static final ThreadLocal<String> CURRENT = new ThreadLocal<>();

  private RequestId() {}

  /** The id bound to this thread, if any. */
  public static Optional<String> current() {
    return Optional.ofNullable(CURRENT.get());
  }

  /** The id bound to this thread, or a new one when none is. */
  public static String currentOrNew() {
    String id = CURRENT.get();
    return id != null ? id : generate();
  }

  /** A new random id. */
  public static String generate() {
    return UUID.randomUUID().toString();
  }

  /**
   * Whether an id received from outside may be used as is: short, and only characters that cannot
   * break a log line or a header.
   */
  public static boolean isAcceptable(String candidate) {
    return candidate != null && ACCEPTABLE.matcher(candidate).matches();
  }

  /**
   * Binds {@code id} to this thread until the returned scope is closed, which restores whatever was
   * bound before.
   */
  public static Scope bind(String id) {
    String previous = CURRENT.get();
    CURRENT.set(id);
    return () -> {
      if (previous == null) {
        CURRENT.remove();
      } else {
        CURRENT.set(previous);
      }
    };
  }

  /** Ends a {@link #bind binding}. */
  @FunctionalInterface
  public interface Scope extends AutoCloseable {
    @Override
    void close();
  }
}
