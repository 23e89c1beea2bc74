package com.shopsuite.midimo.client;

import com.midimo.chat.v1.StreamThreadEventsRequest;
import com.midimo.chat.v1.ThreadEvent;
import com.shopsuite.midimo.chat.ThreadEventListener;
import com.shopsuite.midimo.chat.ThreadEventSubscription;
import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientCall;
import io.grpc.ClientInterceptor;
import io.grpc.ForwardingClientCall.SimpleForwardingClientCall;
import io.grpc.ForwardingClientCallListener.SimpleForwardingClientCallListener;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.Status;
import io.grpc.stub.ClientCallStreamObserver;
import io.grpc.stub.ClientResponseObserver;
import java.util.concurrent.atomic.AtomicBoolean;

/** Relays one gRPC event stream to a {@link ThreadEventListener}; closing it cancels the stream. */
final class ThreadEventObserver
    implements ClientResponseObserver<StreamThreadEventsRequest, ThreadEvent>,
        ThreadEventSubscription {

  private static final String RPC = "ChatService/StreamThreadEvents";

  private final ThreadEventListener listener;
  private final Runnable onRejectedToken;
  private final Runnable onFinished;
  private final AtomicBoolean closed = new AtomicBoolean();
  private final AtomicBoolean finished = new AtomicBoolean();
  private volatile ClientCallStreamObserver<StreamThreadEventsRequest> call;

  /**
   * @param onRejectedToken run when Midimo Chat rejects the stream's token, so that the next stream
   *     (the subscriber's reconnect) carries a freshly minted one
   * @param onFinished run once when the call is over on the wire (ended by either side), so that
   *     its place on a channel can be given back
   */
  ThreadEventObserver(ThreadEventListener listener, Runnable onRejectedToken, Runnable onFinished) {
    this.listener = listener;
    this.onRejectedToken = onRejectedToken;
    this.onFinished = onFinished;
  }

  /** Tells the listener when the stream's response headers arrive: the subscription is in place. */
  ClientInterceptor subscribedSignal() {
    return new ClientInterceptor() {
      @Override
      public <ReqT, RespT> ClientCall<ReqT, RespT> interceptCall(
          MethodDescriptor<ReqT, RespT> method, CallOptions options, Channel next) {
        return new SimpleForwardingClientCall<>(next.newCall(method, options)) {
          @Override
          public void start(Listener<RespT> responseListener, Metadata headers) {
            super.start(
                new SimpleForwardingClientCallListener<>(responseListener) {
                  @Override
                  public void onHeaders(Metadata responseHeaders) {
                    super.onHeaders(responseHeaders);
                    if (!closed.get()) {
                      listener.onSubscribed();
                    }
                  }
                },
                headers);
          }
        };
      }
    };
  }

  @Override
  public void beforeStart(ClientCallStreamObserver<StreamThreadEventsRequest> requestStream) {
    this.call = requestStream;
  }

  @Override
  public void onNext(ThreadEvent event) {
    if (!closed.get()) {
      ProtoMapping.toEvent(event).ifPresent(listener::onEvent);
    }
  }

  @Override
  public void onError(Throwable failure) {
    finish();
    // After close() the stream ends with CANCELLED, which is ours, not news for the listener.
    if (closed.compareAndSet(false, true)) {
      if (Status.fromThrowable(failure).getCode() == Status.Code.UNAUTHENTICATED) {
        onRejectedToken.run();
      }
      listener.onError(GrpcErrors.toException(RPC, failure));
    }
  }

  @Override
  public void onCompleted() {
    finish();
    if (closed.compareAndSet(false, true)) {
      listener.onCompleted();
    }
  }

  /** The call is over; also when it could not even start. */
  void finish() {
    if (finished.compareAndSet(false, true)) {
      onFinished.run();
    }
  }

  @Override
  public void close() {
    if (closed.compareAndSet(false, true) && call != null) {
      try {
        call.cancel("subscriber closed the thread event stream", null);
      } finally {
        NettyThreadLocals.clearIfForeignThread();
      }
    }
  }
}
