package com.midimo.chat.emulator.rpc;

import io.grpc.StatusRuntimeException;
import io.grpc.stub.StreamObserver;
import java.util.function.Supplier;

/**
 * Answers a unary call from a handler that either returns its result or throws the status it fails
 * with. A status thrown out of a service method would reach the client as UNKNOWN, so every handler
 * goes through here.
 */
public final class UnaryCalls {
  private UnaryCalls() {}

  public static <T> void answer(StreamObserver<T> responseObserver, Supplier<T> handler) {
    T response;
    try {
      response = handler.get();
    } catch (StatusRuntimeException e) {
      responseObserver.onError(e);
      return;
    }
    responseObserver.onNext(response);
    responseObserver.onCompleted();
  }
}
