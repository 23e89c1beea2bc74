package com.shopsuite.midimo.client;

import com.shopsuite.midimo.error.AuthenticationException;
import com.shopsuite.midimo.error.AuthorizationException;
import com.shopsuite.midimo.error.ConflictException;
import com.shopsuite.midimo.error.MidimoChatException;
import com.shopsuite.midimo.error.ResourceNotFoundException;
import com.shopsuite.midimo.error.ServiceFailureException;
import com.shopsuite.midimo.error.ServiceTimeoutException;
import com.shopsuite.midimo.error.ServiceUnavailableException;
import com.shopsuite.midimo.error.ValidationException;
import io.grpc.Status;

/**
 * The one place where a gRPC status becomes one of the integration's exceptions. Everything above
 * the client speaks {@link MidimoChatException}; nothing above it sees a {@link Status}.
 */
public final class GrpcErrors {

  private GrpcErrors() {}

  /** Translates the failure of a call to {@code rpc} (e.g. {@code ChatService/SendMessage}). */
  public static MidimoChatException toException(String rpc, Throwable failure) {
    Status status = Status.fromThrowable(failure);
    String detail = status.getDescription() != null ? status.getDescription() : "no details";
    return switch (status.getCode()) {
      case UNAVAILABLE ->
          new ServiceUnavailableException(
              "Midimo Chat is unavailable (" + rpc + "): " + detail, failure);
      case RESOURCE_EXHAUSTED ->
          new ServiceUnavailableException(
              "Midimo Chat is overloaded (" + rpc + "): " + detail, failure);
      case DEADLINE_EXCEEDED ->
          new ServiceTimeoutException(
              "Midimo Chat did not answer in time (" + rpc + "): " + detail, failure);
      case UNAUTHENTICATED ->
          new AuthenticationException(
              "Midimo Chat rejected the integration's credentials (" + rpc + "): " + detail,
              failure);
      case PERMISSION_DENIED -> new AuthorizationException(detail, failure);
      case INVALID_ARGUMENT, FAILED_PRECONDITION, OUT_OF_RANGE ->
          new ValidationException(detail, failure);
      case NOT_FOUND -> new ResourceNotFoundException(detail, failure);
      case ALREADY_EXISTS, ABORTED -> new ConflictException(detail, failure);
      case OK, CANCELLED, UNKNOWN, INTERNAL, UNIMPLEMENTED, DATA_LOSS ->
          new ServiceFailureException(
              "Midimo Chat failed (" + rpc + ", " + status.getCode() + "): " + detail, failure);
    };
  }
}
