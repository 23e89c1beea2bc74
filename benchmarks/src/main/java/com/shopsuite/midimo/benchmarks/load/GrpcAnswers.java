package com.shopsuite.midimo.benchmarks.load;

import com.google.common.util.concurrent.FutureCallback;
import com.google.common.util.concurrent.Futures;
import com.google.common.util.concurrent.ListenableFuture;
import com.google.common.util.concurrent.MoreExecutors;
import io.grpc.stub.StreamObserver;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/** The answer of a unary gRPC call as the {@link CompletionStage} an {@link AsyncCall} returns. */
public final class GrpcAnswers {
  private GrpcAnswers() {}

  /** For future stubs. */
  public static <T> CompletionStage<T> of(ListenableFuture<T> future) {
    CompletableFuture<T> answer = new CompletableFuture<>();
    Futures.addCallback(
        future,
        new FutureCallback<T>() {
          @Override
          public void onSuccess(T result) {
            answer.complete(result);
          }

          @Override
          public void onFailure(Throwable t) {
            answer.completeExceptionally(t);
          }
        },
        MoreExecutors.directExecutor());
    return answer;
  }

  /** For async stubs: pass it as the call's response observer, return it as the answer. */
  public static <T> Observer<T> observer() {
    return new Observer<>();
  }

  /** A unary call's response observer that is also its answer. */
  public static final class Observer<T> extends CompletableFuture<T> implements StreamObserver<T> {
    private T value;

    @Override
    public void onNext(T next) {
      value = next;
    }

    @Override
    public void onError(Throwable t) {
      completeExceptionally(t);
    }

    @Override
    public void onCompleted() {
      complete(value);
    }
  }
}
