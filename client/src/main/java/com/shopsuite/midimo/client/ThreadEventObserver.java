package com.shopsuite.midimo.client;

import com.midimo.chat.v1.StreamThreadEventsRequest;
import com.midimo.chat.v1.ThreadEvent;
import com.shopsuite.midimo.chat.ThreadEventListener;
import com.shopsuite.midimo.chat.ThreadEventSubscription;
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
  private final AtomicBoolean closed = new AtomicBoolean();
  private volatile ClientCallStreamObserver<StreamThreadEventsRequest> call;

  /**
   * @param onRejectedToken run when Midimo Chat rejects the stream's token, so that the next stream
   *     (the subscriber's reconnect) carries a freshly minted one
   */
  ThreadEventObserver(ThreadEventListener listener, Runnable onRejectedToken) {
    this.listener = listener;
    this.onRejectedToken = onRejectedToken;
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
    if (closed.compareAndSet(false, true)) {
      listener.onCompleted();
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
