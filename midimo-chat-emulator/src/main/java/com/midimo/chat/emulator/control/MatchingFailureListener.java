package com.midimo.chat.emulator.control;

import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Message;
import io.grpc.ForwardingServerCall.SimpleForwardingServerCall;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.Status;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Fails a call whose request carries a request_id that a FailMatching rule names. The request_id is
 * found by reflection (the field named "request_id" of the request's descriptor), so every write of
 * the contract is covered, those added later included, and a read, whose request has no such field,
 * never matches.
 *
 * <p>A failed call's request never reaches the service: neither the message nor the half-close is
 * handed on. The token was checked when the call started; if that check closed the call already,
 * its status stands and the request is handed on to the listener it left, which ignores it.
 */
final class MatchingFailureListener<ReqT> extends ServerCall.Listener<ReqT> {
  static final String REQUEST_ID_FIELD = "request_id";

  private final FaultRules rules;
  private final String method;
  private final ClosedOnce<ReqT, ?> call;
  private final ServerCall.Listener<ReqT> delegate;
  private boolean failed;

  MatchingFailureListener(
      FaultRules rules,
      String method,
      ClosedOnce<ReqT, ?> call,
      ServerCall.Listener<ReqT> delegate) {
    this.rules = rules;
    this.method = method;
    this.call = call;
    this.delegate = delegate;
  }

  // gRPC calls a listener's methods one at a time, so `failed` needs no lock.
  @Override
  public void onMessage(ReqT message) {
    if (failed) {
      return;
    }
    Optional<Status> failure =
        requestId(message).flatMap(requestId -> rules.matchingFailureFor(method, requestId));
    if (failure.isPresent() && call.closeIfOpen(failure.get())) {
      failed = true;
      return;
    }
    delegate.onMessage(message);
  }

  @Override
  public void onHalfClose() {
    if (!failed) {
      delegate.onHalfClose();
    }
  }

  @Override
  public void onReady() {
    if (!failed) {
      delegate.onReady();
    }
  }

  @Override
  public void onCancel() {
    delegate.onCancel();
  }

  @Override
  public void onComplete() {
    delegate.onComplete();
  }

  /** The request's request_id; empty when its message has no such string field. */
  private static Optional<String> requestId(Object request) {
    if (request instanceof Message message) {
      FieldDescriptor field = message.getDescriptorForType().findFieldByName(REQUEST_ID_FIELD);
      if (field != null
          && !field.isRepeated()
          && field.getJavaType() == FieldDescriptor.JavaType.STRING) {
        return Optional.of((String) message.getField(field));
      }
    }
    return Optional.empty();
  }

  /**
   * The call as the rest of the chain sees it, remembering whether it was closed: the injected
   * failure must not close a call the token check closed already.
   */
  static final class ClosedOnce<ReqT, RespT> extends SimpleForwardingServerCall<ReqT, RespT> {
    private final AtomicBoolean closed = new AtomicBoolean();

    ClosedOnce(ServerCall<ReqT, RespT> call) {
      super(call);
    }

    @Override
    public void close(Status status, Metadata trailers) {
      closed.set(true);
      super.close(status, trailers);
    }

    /** Closes the call with {@code status} unless it was closed already; true when it did. */
    boolean closeIfOpen(Status status) {
      if (!closed.compareAndSet(false, true)) {
        return false;
      }
      super.close(status, new Metadata());
      return true;
    }
  }
}
