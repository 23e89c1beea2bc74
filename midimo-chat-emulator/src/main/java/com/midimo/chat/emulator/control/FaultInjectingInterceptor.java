package com.midimo.chat.emulator.control;

import io.grpc.Context;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.Status;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Applies the faults in force to each call: the outage, then a pending FailNext, then a failure
 * fraction (each closes the call at once), then latency. A FailMatching rule can only be applied
 * once the request has arrived ({@link MatchingFailureListener}); it too fails the call at once,
 * without waiting out the latency.
 *
 * <p>Latency holds the request back from the service: the client's half-close is handed on after
 * the delay by a scheduler, so no thread waits and a delay of N ms does not cap throughput at 1/N.
 * A call whose client gives up during the delay is still handled, as a real server may well do:
 * that is what tests a client's retries with idempotency keys ("the write happened, the answer was
 * lost"). The token is checked when the call starts, before the delay.
 */
public final class FaultInjectingInterceptor implements ServerInterceptor {
  private final FaultRules rules;
  private final ScheduledExecutorService scheduler;

  public FaultInjectingInterceptor(FaultRules rules, ScheduledExecutorService scheduler) {
    this.rules = rules;
    this.scheduler = scheduler;
  }

  @Override
  public <ReqT, RespT> ServerCall.Listener<ReqT> interceptCall(
      ServerCall<ReqT, RespT> call, Metadata headers, ServerCallHandler<ReqT, RespT> next) {
    String method = call.getMethodDescriptor().getFullMethodName();
    Optional<Status> failure = rules.failureFor(method);
    if (failure.isPresent()) {
      call.close(failure.get(), new Metadata());
      return new ServerCall.Listener<>() {};
    }
    long latencyMillis = rules.latencyMillisFor(method);
    if (!rules.hasMatchingFailures()) {
      // The common case costs nothing more: no request is read.
      return delayed(next.startCall(call, headers), latencyMillis);
    }
    MatchingFailureListener.ClosedOnce<ReqT, RespT> closedOnce =
        new MatchingFailureListener.ClosedOnce<>(call);
    return new MatchingFailureListener<>(
        rules, method, closedOnce, delayed(next.startCall(closedOnce, headers), latencyMillis));
  }

  private <ReqT> ServerCall.Listener<ReqT> delayed(
      ServerCall.Listener<ReqT> listener, long latencyMillis) {
    return latencyMillis == 0 ? listener : new DelayedHalfClose<>(listener, latencyMillis);
  }

  /**
   * Passes every event on at once except the half-close (which is when a unary or server-streaming
   * handler runs). Events are passed on under this object's lock: the delayed one comes from the
   * scheduler's thread, the others from the call's.
   */
  private final class DelayedHalfClose<ReqT> extends ServerCall.Listener<ReqT> {
    private final ServerCall.Listener<ReqT> delegate;
    private final long delayMillis;

    DelayedHalfClose(ServerCall.Listener<ReqT> delegate, long delayMillis) {
      this.delegate = delegate;
      this.delayMillis = delayMillis;
    }

    @Override
    public synchronized void onMessage(ReqT message) {
      delegate.onMessage(message);
    }

    @Override
    public void onHalfClose() {
      // The handler runs in the call's context (deadline, cancellation), as it would undelayed.
      Runnable halfClose =
          Context.current()
              .wrap(
                  () -> {
                    synchronized (this) {
                      delegate.onHalfClose();
                    }
                  });
      scheduler.schedule(halfClose, delayMillis, TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void onCancel() {
      delegate.onCancel();
    }

    @Override
    public synchronized void onComplete() {
      delegate.onComplete();
    }

    @Override
    public synchronized void onReady() {
      delegate.onReady();
    }
  }
}
