package com.midimo.chat.emulator.logging;

import io.grpc.ForwardingServerCall.SimpleForwardingServerCall;
import io.grpc.ForwardingServerCallListener.SimpleForwardingServerCallListener;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.Status;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Logs one line when a call ends: {@code call method=... status=... duration_ms=...
 * request_id=...}. Only the method, the status and the x-request-id header are read from the call:
 * the authorization header never is, so a token cannot reach the log.
 */
public final class CallLoggingInterceptor implements ServerInterceptor {
  public static final String LOGGER_NAME = "com.midimo.chat.emulator.calls";
  static final Metadata.Key<String> REQUEST_ID =
      Metadata.Key.of("x-request-id", Metadata.ASCII_STRING_MARSHALLER);
  private static final int MAX_LOGGED_CHARS = 128;

  private final Logger logger;

  public CallLoggingInterceptor() {
    this(Logger.getLogger(LOGGER_NAME));
  }

  CallLoggingInterceptor(Logger logger) {
    this.logger = logger;
  }

  @Override
  public <ReqT, RespT> ServerCall.Listener<ReqT> interceptCall(
      ServerCall<ReqT, RespT> call, Metadata headers, ServerCallHandler<ReqT, RespT> next) {
    long start = System.nanoTime();
    String method = call.getMethodDescriptor().getFullMethodName();
    String requestId = headers.get(REQUEST_ID);
    AtomicBoolean logged = new AtomicBoolean();
    ServerCall<ReqT, RespT> logging =
        new SimpleForwardingServerCall<>(call) {
          @Override
          public void close(Status status, Metadata trailers) {
            if (logged.compareAndSet(false, true)) {
              log(method, status, start, requestId);
            }
            super.close(status, trailers);
          }
        };
    return new SimpleForwardingServerCallListener<>(next.startCall(logging, headers)) {
      @Override
      public void onCancel() {
        if (logged.compareAndSet(false, true)) {
          log(
              method,
              Status.CANCELLED.withDescription("cancelled by the client"),
              start,
              requestId);
        }
        super.onCancel();
      }
    };
  }

  private void log(String method, Status status, long start, String requestId) {
    if (!logger.isLoggable(Level.INFO)) {
      return;
    }
    StringBuilder line =
        new StringBuilder(160)
            .append("call method=")
            .append(method)
            .append(" status=")
            .append(status.getCode())
            .append(" duration_ms=")
            .append(String.format(Locale.ROOT, "%.2f", (System.nanoTime() - start) / 1e6))
            .append(" request_id=")
            .append(requestId == null ? "-" : printable(requestId));
    if (!status.isOk() && status.getDescription() != null) {
      line.append(" description=\"").append(printable(status.getDescription())).append('"');
    }
    logger.info(line.toString());
  }

  /** Keeps a caller-supplied value to one short line. */
  private static String printable(String value) {
    String line = value.replaceAll("[\\p{Cntrl}\"]", "?");
    return line.length() <= MAX_LOGGED_CHARS ? line : line.substring(0, MAX_LOGGED_CHARS) + "...";
  }
}
