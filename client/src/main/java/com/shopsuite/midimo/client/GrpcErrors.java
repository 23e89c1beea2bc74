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
import java.security.cert.CertPathBuilderException;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateException;
import java.util.Optional;
import javax.net.ssl.SSLException;

/**
 * The one place where a gRPC status becomes one of the integration's exceptions. Everything above
 * the client speaks {@link MidimoChatException}; nothing above it sees a {@link Status}.
 */
public final class GrpcErrors {

  private GrpcErrors() {}

  /**
   * What went wrong with TLS, in an operator's words, when that is why the channel could not
   * connect: the server's certificate is not trusted, or names another host. gRPC reports both as
   * UNAVAILABLE with the handshake's exception as the cause.
   */
  static Optional<String> tlsFailure(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      String message = cause.getMessage() == null ? "" : cause.getMessage();
      if (cause instanceof CertificateException
          && (message.contains("No subject alternative") || message.contains("No name matching"))) {
        return Optional.of(
            "the server's certificate does not name the host connected to (check midimo.chat.host: "
                + message
                + ")");
      }
      if (cause instanceof CertPathBuilderException
          || cause instanceof CertPathValidatorException
          || message.contains("PKIX path")
          || message.contains("unable to find valid certification path")) {
        return Optional.of(
            "the server's certificate is not trusted (check midimo.chat.tls.trust-certificates,"
                + " the CAs this client trusts)");
      }
      if (cause.getCause() == cause) {
        break;
      }
    }
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof SSLException) {
        return Optional.of("the TLS handshake failed: " + cause.getMessage());
      }
      if (cause.getCause() == cause) {
        break;
      }
    }
    return Optional.empty();
  }

  /** Translates the failure of a call to {@code rpc} (e.g. {@code ChatService/SendMessage}). */
  public static MidimoChatException toException(String rpc, Throwable failure) {
    Status status = Status.fromThrowable(failure);
    return translate(rpc, status, failure).withUpstreamStatus(status.getCode().name());
  }

  private static MidimoChatException translate(String rpc, Status status, Throwable failure) {
    String detail = status.getDescription() != null ? status.getDescription() : "no details";
    return switch (status.getCode()) {
      case UNAVAILABLE ->
          new ServiceUnavailableException(
              tlsFailure(failure)
                  .map(tls -> "TLS with Midimo Chat failed (" + rpc + "): " + tls)
                  .orElse("Midimo Chat is unavailable (" + rpc + "): " + detail),
              failure);
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
