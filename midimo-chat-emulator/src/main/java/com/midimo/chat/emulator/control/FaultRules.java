package com.midimo.chat.emulator.control;

import com.midimo.chat.emulator.v1.FaultState;
import com.midimo.chat.emulator.v1.MatchingFailure;
import io.grpc.Status;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * The faults in force, keyed by full method name ("" for every method). A call takes the rule of
 * its own method when there is one, else the rule for every method. FailMatching rules are keyed by
 * method and request_id prefix.
 */
public final class FaultRules {
  static final String ANY_METHOD = "";
  static final String OUTAGE_DESCRIPTION = "Midimo Chat emulator: outage injected";
  static final String FAILURE_DESCRIPTION = "Midimo Chat emulator: failure injected";

  private final AtomicBoolean outage = new AtomicBoolean();
  private final ConcurrentHashMap<String, Long> latencyMillis = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<String, PendingFailures> pendingFailures =
      new ConcurrentHashMap<>();
  private final ConcurrentHashMap<String, FailureFraction> failureFractions =
      new ConcurrentHashMap<>();
  private final ConcurrentHashMap<Matching, Status> matchingFailures = new ConcurrentHashMap<>();
  private final Consumer<Boolean> outageListener;

  /**
   * @param outageListener told true when the outage starts and false when it ends
   */
  public FaultRules(Consumer<Boolean> outageListener) {
    this.outageListener = outageListener;
  }

  /** The status a call of {@code method} fails with now, if it is to fail; consumes a FailNext. */
  Optional<Status> failureFor(String method) {
    if (outage.get()) {
      return Optional.of(Status.UNAVAILABLE.withDescription(OUTAGE_DESCRIPTION));
    }
    Optional<Status> next = takePending(method);
    if (next.isEmpty()) {
      next = takePending(ANY_METHOD);
    }
    if (next.isPresent()) {
      return next;
    }
    FailureFraction fraction = failureFractions.get(method);
    if (fraction == null) {
      fraction = failureFractions.get(ANY_METHOD);
    }
    if (fraction != null && ThreadLocalRandom.current().nextDouble() < fraction.fraction()) {
      return Optional.of(fraction.status());
    }
    return Optional.empty();
  }

  /** Whether a FailMatching rule is in force: without one, no request needs to be read. */
  boolean hasMatchingFailures() {
    return !matchingFailures.isEmpty();
  }

  /**
   * The status a call of {@code method} whose request carries {@code requestId} fails with, if a
   * FailMatching rule names it: the method's own rule before the rule for every method, then the
   * longest prefix.
   */
  Optional<Status> matchingFailureFor(String method, String requestId) {
    Matching best = null;
    Status status = null;
    for (Map.Entry<Matching, Status> rule : matchingFailures.entrySet()) {
      Matching matching = rule.getKey();
      if (matching.matches(method, requestId)
          && (best == null || Matching.SPECIFICITY.compare(matching, best) > 0)) {
        best = matching;
        status = rule.getValue();
      }
    }
    return Optional.ofNullable(status);
  }

  /** How long to hold a call of {@code method} before handling it; 0 for not at all. */
  long latencyMillisFor(String method) {
    Long millis = latencyMillis.get(method);
    if (millis == null) {
      millis = latencyMillis.get(ANY_METHOD);
    }
    return millis == null ? 0 : millis;
  }

  void setLatency(String method, long millis) {
    if (millis == 0) {
      latencyMillis.remove(method);
    } else {
      latencyMillis.put(method, millis);
    }
  }

  void failNext(String method, int count, Status status) {
    if (count == 0) {
      pendingFailures.remove(method);
    } else {
      pendingFailures.put(method, new PendingFailures(count, status));
    }
  }

  void failFraction(String method, double fraction, Status status) {
    if (fraction == 0) {
      failureFractions.remove(method);
    } else {
      failureFractions.put(method, new FailureFraction(fraction, status));
    }
  }

  /**
   * @param status null removes the rule of this method and prefix
   */
  void failMatching(String method, String requestIdPrefix, Status status) {
    Matching matching = new Matching(method, requestIdPrefix);
    if (status == null) {
      matchingFailures.remove(matching);
    } else {
      matchingFailures.put(matching, status);
    }
  }

  void setOutage(boolean enabled) {
    if (outage.getAndSet(enabled) != enabled) {
      outageListener.accept(enabled);
    }
  }

  /** Removes every fault. */
  void clear() {
    latencyMillis.clear();
    pendingFailures.clear();
    failureFractions.clear();
    matchingFailures.clear();
    setOutage(false);
  }

  FaultState toProto() {
    FaultState.Builder state = FaultState.newBuilder().setOutage(outage.get());
    state.putAllLatencyMillis(latencyMillis);
    pendingFailures.forEach((method, pending) -> state.putPendingFailures(method, pending.left()));
    failureFractions.forEach(
        (method, fraction) -> state.putFailureFractions(method, fraction.fraction()));
    matchingFailures.entrySet().stream()
        .sorted(Map.Entry.comparingByKey(Matching.LISTING))
        .forEach(
            rule ->
                state.addMatchingFailures(
                    MatchingFailure.newBuilder()
                        .setMethod(rule.getKey().method())
                        .setRequestIdPrefix(rule.getKey().prefix())
                        .setStatusCode(rule.getValue().getCode().value())
                        .setDescription(rule.getValue().getDescription())));
    return state.build();
  }

  /** Takes one of the pending failures of a method key, atomically; the last one removes it. */
  private Optional<Status> takePending(String method) {
    Status[] taken = new Status[1];
    pendingFailures.computeIfPresent(
        method,
        (m, pending) -> {
          taken[0] = pending.status();
          return pending.left() > 1
              ? new PendingFailures(pending.left() - 1, pending.status())
              : null;
        });
    return Optional.ofNullable(taken[0]);
  }

  private record PendingFailures(int left, Status status) {}

  private record FailureFraction(double fraction, Status status) {}

  private record Matching(String method, String prefix) {
    /** Greater is more specific: a method's own rule, then a longer prefix. */
    static final Comparator<Matching> SPECIFICITY =
        Comparator.comparing((Matching m) -> !m.method().equals(ANY_METHOD))
            .thenComparingInt(m -> m.prefix().length());

    static final Comparator<Matching> LISTING =
        Comparator.comparing(Matching::method).thenComparing(Matching::prefix);

    boolean matches(String calledMethod, String requestId) {
      return (method.equals(ANY_METHOD) || method.equals(calledMethod))
          && requestId.startsWith(prefix);
    }
  }
}
