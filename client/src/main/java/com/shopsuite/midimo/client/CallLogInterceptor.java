package com.shopsuite.midimo.client;

import com.shopsuite.midimo.context.LogText;
import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientCall;
import io.grpc.ClientInterceptor;
import io.grpc.ForwardingClientCall.SimpleForwardingClientCall;
import io.grpc.ForwardingClientCallListener.SimpleForwardingClientCallListener;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.Status;
import java.util.EnumSet;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One log line per call to Midimo Chat (request id, rpc, duration, status, error details), and the
 * same facts to a {@link CallObserver} for metrics. Never the token: it is not in anything this
 * class sees.
 *
 * <p>The lines go to the {@value #CATEGORY} category, which the server routes to {@code
 * midimo_chat.log}.
 */
final class CallLogInterceptor implements ClientInterceptor {

  static final String CATEGORY = "com.shopsuite.midimo.calls";

  private static final Logger LOG = Logger.getLogger(CATEGORY);

  /**
   * Failures that say something about Midimo Chat or the link to it, worth an operator's eye. The
   * others (not found, invalid argument, conflict...) are answers to the caller's request.
   */
  private static final Set<Status.Code> SERVICE_FAILURES =
      EnumSet.of(
          Status.Code.UNAVAILABLE,
          Status.Code.DEADLINE_EXCEEDED,
          Status.Code.RESOURCE_EXHAUSTED,
          Status.Code.UNAUTHENTICATED,
          Status.Code.INTERNAL,
          Status.Code.UNKNOWN,
          Status.Code.UNIMPLEMENTED,
          Status.Code.DATA_LOSS);

  private final CallObserver observer;

  CallLogInterceptor(CallObserver observer) {
    this.observer = observer;
  }

  @Override
  public <Q, R> ClientCall<Q, R> interceptCall(
      MethodDescriptor<Q, R> method, CallOptions options, Channel next) {
    String rpc = shortName(method.getFullMethodName());
    String requestId = options.getOption(CallTags.REQUEST_ID);
    String idempotencyKey = options.getOption(CallTags.IDEMPOTENCY_KEY);
    return new SimpleForwardingClientCall<>(next.newCall(method, options)) {
      @Override
      public void start(Listener<R> listener, Metadata headers) {
        long started = System.nanoTime();
        super.start(
            new SimpleForwardingClientCallListener<>(listener) {
              @Override
              public void onClose(Status status, Metadata trailers) {
                long elapsed = System.nanoTime() - started;
                record(rpc, requestId, idempotencyKey, status, elapsed);
                super.onClose(status, trailers);
              }
            },
            headers);
      }
    };
  }

  private void record(
      String rpc, String requestId, String idempotencyKey, Status status, long elapsedNanos) {
    try {
      observer.onCallCompleted(rpc, status.getCode().name(), elapsedNanos);
    } catch (RuntimeException e) {
      LOG.log(Level.FINE, "call observer failed", e);
    }
    Level level = SERVICE_FAILURES.contains(status.getCode()) ? Level.WARNING : Level.INFO;
    if (!LOG.isLoggable(level)) {
      return;
    }
    StringBuilder line = new StringBuilder(160);
    line.append("rpc=").append(rpc);
    line.append(" request_id=").append(requestId == null ? "-" : requestId);
    if (idempotencyKey != null) {
      line.append(" idempotency_key=").append(LogText.of(idempotencyKey));
    }
    line.append(" status=").append(status.getCode().name());
    line.append(" duration_ms=");
    appendMillis(line, elapsedNanos);
    if (!status.isOk()) {
      line.append(" error=\"").append(oneLine(status.getDescription())).append('"');
      if (status.getCause() != null) {
        line.append(" cause=\"").append(oneLine(status.getCause().toString())).append('"');
      }
    }
    LOG.log(level, line.toString());
  }

  /**
   * Appends a duration in milliseconds with three decimals ({@code 1.234}), as {@code
   * String.format("%.3f")} would: that call, on every call to Midimo Chat, cost as much CPU as
   * writing the whole line to the log (a JFR profile of the full path under load, BENCHMARKS.md).
   */
  static void appendMillis(StringBuilder line, long nanos) {
    long micros = (Math.max(0, nanos) + 500) / 1_000;
    long fraction = micros % 1_000;
    line.append(micros / 1_000).append('.');
    if (fraction < 100) {
      line.append('0');
    }
    if (fraction < 10) {
      line.append('0');
    }
    line.append(fraction);
  }

  /** {@code midimo.chat.v1.ChatService/SendMessage} becomes {@code ChatService/SendMessage}. */
  static String shortName(String fullMethodName) {
    int slash = fullMethodName.indexOf('/');
    int dot = fullMethodName.lastIndexOf('.', slash);
    return dot >= 0 ? fullMethodName.substring(dot + 1) : fullMethodName;
  }

  /** Keeps a description from breaking the one-line format (or forging a line). */
  private static String oneLine(String text) {
    if (text == null) {
      return "";
    }
    return LogText.of(text).replace('"', '\'');
  }
}
