package com.midimo.chat.emulator.control;

import io.grpc.ForwardingServerCall.SimpleForwardingServerCall;
import io.grpc.ForwardingServerCallListener.SimpleForwardingServerCallListener;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.Status;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Counts every call received and how it ended. It runs before fault injection, so injected failures
 * are counted like any other; a call the client cancelled counts as failed.
 */
public final class CallCountingInterceptor implements ServerInterceptor {
  private final CallCounter counter;

  public CallCountingInterceptor(CallCounter counter) {
    this.counter = counter;
  }

  @Override
  public <ReqT, RespT> ServerCall.Listener<ReqT> interceptCall(
      ServerCall<ReqT, RespT> call, Metadata headers, ServerCallHandler<ReqT, RespT> next) {
    String method = call.getMethodDescriptor().getFullMethodName();
    counter.received(method);
    AtomicBoolean ended = new AtomicBoolean();
    ServerCall<ReqT, RespT> counted =
        new SimpleForwardingServerCall<>(call) {
          @Override
          public void close(Status status, Metadata trailers) {
            if (ended.compareAndSet(false, true)) {
              counter.ended(method, status.isOk());
            }
            super.close(status, trailers);
          }
        };
    return new SimpleForwardingServerCallListener<>(next.startCall(counted, headers)) {
      @Override
      public void onCancel() {
        if (ended.compareAndSet(false, true)) {
          counter.ended(method, false);
        }
        super.onCancel();
      }
    };
  }
}
