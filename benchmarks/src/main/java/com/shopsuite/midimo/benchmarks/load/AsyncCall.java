package com.shopsuite.midimo.benchmarks.load;

import java.util.concurrent.CompletionStage;

/**
 * Starts one call of the case being measured; the stage completes when its answer arrives, and
 * completes exceptionally when the call failed (for HTTP: any answer that is not 2xx).
 */
@FunctionalInterface
public interface AsyncCall {
  CompletionStage<?> start();
}
