package com.midimo.chat.benchmarks.load;

import com.google.common.util.concurrent.ListenableFuture;

/** Starts one call of the case being measured; the future completes when its answer arrives. */
@FunctionalInterface
public interface AsyncCall {
  ListenableFuture<?> start();
}
