package com.shopsuite.midimo.client;

import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientCall;
import io.grpc.ClientInterceptor;
import io.grpc.ForwardingClientCall.SimpleForwardingClientCall;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;

/** Sends the call's correlation id as {@code x-request-id}, so both sides log the same id. */
final class RequestIdInterceptor implements ClientInterceptor {

  static final Metadata.Key<String> X_REQUEST_ID =
      Metadata.Key.of("x-request-id", Metadata.ASCII_STRING_MARSHALLER);

  @Override
  public <Q, R> ClientCall<Q, R> interceptCall(
      MethodDescriptor<Q, R> method, CallOptions options, Channel next) {
    String requestId = options.getOption(CallTags.REQUEST_ID);
    ClientCall<Q, R> call = next.newCall(method, options);
    if (requestId == null) {
      return call;
    }
    return new SimpleForwardingClientCall<>(call) {
      @Override
      public void start(Listener<R> listener, Metadata headers) {
        headers.put(X_REQUEST_ID, requestId);
        super.start(listener, headers);
      }
    };
  }
}
