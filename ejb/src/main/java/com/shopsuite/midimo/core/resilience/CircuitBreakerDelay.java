package com.shopsuite.midimo.core.resilience;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;

/**
 * How long the circuit breaker stays open, as the policy is actually configured: what a caller told
 * "unavailable" should wait ({@code Retry-After}). Read the way MicroProfile Fault Tolerance reads
 * it: the method-level key, then the class-level key, then the global key, then the annotation.
 */
@ApplicationScoped
public class CircuitBreakerDelay {

  private static final String METHOD_KEY =
      FaultTolerancePolicy.class.getName() + "/call/CircuitBreaker/";
  private static final String CLASS_KEY = FaultTolerancePolicy.class.getName() + "/CircuitBreaker/";
  private static final String GLOBAL_KEY = "CircuitBreaker/";

  @Inject Config config;

  private volatile Duration delay;

  public Duration get() {
    Duration value = delay;
    if (value == null) {
      value = read();
      delay = value;
    }
    return value;
  }

  private Duration read() {
    CircuitBreaker annotation;
    try {
      annotation =
          FaultTolerancePolicy.class
              .getMethod("call", java.util.function.Supplier.class)
              .getAnnotation(CircuitBreaker.class);
    } catch (NoSuchMethodException e) {
      throw new IllegalStateException("FaultTolerancePolicy.call is gone", e);
    }
    long amount = setting("delay", Long.class).orElse(annotation.delay());
    ChronoUnit unit = setting("delayUnit", ChronoUnit.class).orElse(annotation.delayUnit());
    Duration result = Duration.of(amount, unit);
    // Retry-After is in whole seconds; never advertise 0.
    return result.compareTo(Duration.ofSeconds(1)) < 0 ? Duration.ofSeconds(1) : result;
  }

  private <T> Optional<T> setting(String name, Class<T> type) {
    return config
        .getOptionalValue(METHOD_KEY + name, type)
        .or(() -> config.getOptionalValue(CLASS_KEY + name, type))
        .or(() -> config.getOptionalValue(GLOBAL_KEY + name, type));
  }
}
