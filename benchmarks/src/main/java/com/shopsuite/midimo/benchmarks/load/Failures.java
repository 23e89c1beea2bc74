package com.shopsuite.midimo.benchmarks.load;

import io.grpc.Status;
import io.grpc.StatusException;
import io.grpc.StatusRuntimeException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/** One line that says why a call failed, for the report's "first error". */
final class Failures {
  private Failures() {}

  static String describe(Throwable failure) {
    Throwable cause = failure;
    while ((cause instanceof CompletionException || cause instanceof ExecutionException)
        && cause.getCause() != null) {
      cause = cause.getCause();
    }
    if (cause instanceof StatusRuntimeException || cause instanceof StatusException) {
      return Status.fromThrowable(cause).toString();
    }
    return cause.toString();
  }
}
