package com.midimo.chat.emulator.chat;

import io.grpc.ForwardingServerCall.SimpleForwardingServerCall;
import io.grpc.ForwardingServerCallListener.SimpleForwardingServerCallListener;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor.MethodType;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.Status;

/**
 * Sends a server stream's response headers as soon as its handler has returned, that is once the
 * subscription is in place, rather than with the first event (grpc-java's default). The contract
 * promises it: a client that fills a gap from the history reads it after the headers arrived, and
 * so misses nothing posted in between. Sends are serialised here because the headers go out on the
 * handler's thread while events may already go out on a publisher's.
 */
public final class SubscribedHeaders implements ServerInterceptor {

  @Override
  public <ReqT, RespT> ServerCall.Listener<ReqT> interceptCall(
      ServerCall<ReqT, RespT> call, Metadata headers, ServerCallHandler<ReqT, RespT> next) {
    if (call.getMethodDescriptor().getType() != MethodType.SERVER_STREAMING) {
      return next.startCall(call, headers);
    }
    HeadersOnce<ReqT, RespT> once = new HeadersOnce<>(call);
    return new SimpleForwardingServerCallListener<>(next.startCall(once, headers)) {
      @Override
      public void onHalfClose() {
        super.onHalfClose();
        once.sendHeaders(new Metadata());
      }
    };
  }

  private static final class HeadersOnce<ReqT, RespT>
      extends SimpleForwardingServerCall<ReqT, RespT> {
    private boolean sent;
    private boolean closed;

    HeadersOnce(ServerCall<ReqT, RespT> call) {
      super(call);
    }

    @Override
    public synchronized void sendHeaders(Metadata headers) {
      if (!sent && !closed) {
        sent = true;
        super.sendHeaders(headers);
      }
    }

    @Override
    public synchronized void sendMessage(RespT message) {
      super.sendMessage(message);
    }

    @Override
    public synchronized void close(Status status, Metadata trailers) {
      closed = true;
      super.close(status, trailers);
    }
  }
}
