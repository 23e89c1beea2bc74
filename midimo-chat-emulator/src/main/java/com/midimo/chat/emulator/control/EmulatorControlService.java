package com.midimo.chat.emulator.control;

import com.midimo.chat.emulator.auth.JwtKeys;
import com.midimo.chat.emulator.auth.JwtVerifier;
import com.midimo.chat.emulator.rpc.FieldLimits;
import com.midimo.chat.emulator.rpc.UnaryCalls;
import com.midimo.chat.emulator.v1.CallCounts;
import com.midimo.chat.emulator.v1.ClearFaultsRequest;
import com.midimo.chat.emulator.v1.EmulatorControlGrpc;
import com.midimo.chat.emulator.v1.EndStreamsRequest;
import com.midimo.chat.emulator.v1.EndStreamsResponse;
import com.midimo.chat.emulator.v1.FailFractionRequest;
import com.midimo.chat.emulator.v1.FailMatchingRequest;
import com.midimo.chat.emulator.v1.FailNextRequest;
import com.midimo.chat.emulator.v1.FaultState;
import com.midimo.chat.emulator.v1.GetCallCountsRequest;
import com.midimo.chat.emulator.v1.GetStatsRequest;
import com.midimo.chat.emulator.v1.InjectLatencyRequest;
import com.midimo.chat.emulator.v1.ResetRequest;
import com.midimo.chat.emulator.v1.ResetResponse;
import com.midimo.chat.emulator.v1.SetJwtKeysRequest;
import com.midimo.chat.emulator.v1.SetJwtKeysResponse;
import com.midimo.chat.emulator.v1.SetOutageRequest;
import com.midimo.chat.emulator.v1.Stats;
import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The EmulatorControl service. A rule names a full method of the emulated services, or "" for all
 * of them; an unknown method name is INVALID_ARGUMENT, so a typo does not silently inject nothing.
 */
public final class EmulatorControlService extends EmulatorControlGrpc.EmulatorControlImplBase {
  static final long MAX_LATENCY_MILLIS = 600_000;
  static final String STREAMS_ENDED_DESCRIPTION =
      "Midimo Chat emulator: stream ended (restart injected)";

  private final FaultRules faults;
  private final CallCounter counter;
  private final EmulatedState state;
  private final JwtVerifier verifier;
  private final Set<String> methods;

  /**
   * @param verifier the token check, whose keys SetJwtKeys replaces
   * @param methods the full method names faults may name
   */
  public EmulatorControlService(
      FaultRules faults,
      CallCounter counter,
      EmulatedState state,
      JwtVerifier verifier,
      Set<String> methods) {
    this.faults = faults;
    this.counter = counter;
    this.state = state;
    this.verifier = verifier;
    this.methods = Set.copyOf(methods);
  }

  @Override
  public void setJwtKeys(
      SetJwtKeysRequest request, StreamObserver<SetJwtKeysResponse> responseObserver) {
    UnaryCalls.answer(
        responseObserver,
        () -> {
          if (request.getKeysCount() == 0
              || !request.getKeysMap().containsKey(request.getPrimaryKeyId())) {
            throw FieldLimits.invalid("keys must hold primary_key_id");
          }
          JwtKeys keys;
          try {
            keys =
                JwtKeys.primary(
                    request.getPrimaryKeyId(), request.getKeysOrThrow(request.getPrimaryKeyId()));
            for (Map.Entry<String, String> key : request.getKeysMap().entrySet()) {
              if (!key.getKey().equals(request.getPrimaryKeyId())) {
                keys = keys.with(key.getKey(), key.getValue());
              }
            }
          } catch (IllegalArgumentException e) {
            throw FieldLimits.invalid(e.getMessage());
          }
          verifier.replaceKeys(keys);
          return SetJwtKeysResponse.newBuilder()
              .addAllKeyIds(new TreeSet<>(request.getKeysMap().keySet()))
              .build();
        });
  }

  @Override
  public void injectLatency(
      InjectLatencyRequest request, StreamObserver<FaultState> responseObserver) {
    UnaryCalls.answer(
        responseObserver,
        () -> {
          if (request.getLatencyMillis() < 0 || request.getLatencyMillis() > MAX_LATENCY_MILLIS) {
            throw FieldLimits.invalid("latency_millis must be between 0 and " + MAX_LATENCY_MILLIS);
          }
          faults.setLatency(method(request.getMethod()), request.getLatencyMillis());
          return faults.toProto();
        });
  }

  @Override
  public void failNext(FailNextRequest request, StreamObserver<FaultState> responseObserver) {
    UnaryCalls.answer(
        responseObserver,
        () -> {
          if (request.getCount() < 0) {
            throw FieldLimits.invalid("count must not be negative");
          }
          faults.failNext(
              method(request.getMethod()),
              request.getCount(),
              status(
                  request.getStatusCode(),
                  request.getDescription(),
                  FaultRules.FAILURE_DESCRIPTION));
          return faults.toProto();
        });
  }

  @Override
  public void failFraction(
      FailFractionRequest request, StreamObserver<FaultState> responseObserver) {
    UnaryCalls.answer(
        responseObserver,
        () -> {
          // Written so that NaN fails too.
          if (!(request.getFraction() >= 0 && request.getFraction() <= 1)) {
            throw FieldLimits.invalid("fraction must be between 0 and 1");
          }
          faults.failFraction(
              method(request.getMethod()),
              request.getFraction(),
              status(
                  request.getStatusCode(),
                  request.getDescription(),
                  FaultRules.FAILURE_DESCRIPTION));
          return faults.toProto();
        });
  }

  @Override
  public void failMatching(
      FailMatchingRequest request, StreamObserver<FaultState> responseObserver) {
    UnaryCalls.answer(
        responseObserver,
        () -> {
          String method = method(request.getMethod());
          String prefix =
              FieldLimits.maxChars(
                  "request_id_prefix",
                  request.getRequestIdPrefix(),
                  FieldLimits.MAX_REQUEST_ID_CHARS);
          faults.failMatching(
              method,
              prefix,
              request.getStatusCode() == 0
                  ? null
                  : status(
                      request.getStatusCode(),
                      request.getDescription(),
                      FaultRules.FAILURE_DESCRIPTION));
          return faults.toProto();
        });
  }

  @Override
  public void setOutage(SetOutageRequest request, StreamObserver<FaultState> responseObserver) {
    UnaryCalls.answer(
        responseObserver,
        () -> {
          faults.setOutage(request.getEnabled());
          return faults.toProto();
        });
  }

  @Override
  public void clearFaults(ClearFaultsRequest request, StreamObserver<FaultState> responseObserver) {
    UnaryCalls.answer(
        responseObserver,
        () -> {
          faults.clear();
          return faults.toProto();
        });
  }

  @Override
  public void endStreams(
      EndStreamsRequest request, StreamObserver<EndStreamsResponse> responseObserver) {
    UnaryCalls.answer(
        responseObserver,
        () -> {
          FieldLimits.maxChars("thread_id", request.getThreadId(), FieldLimits.MAX_ID_CHARS);
          // What the clients of a restarting server see: UNAVAILABLE.
          int code =
              request.getStatusCode() == 0
                  ? Status.Code.UNAVAILABLE.value()
                  : request.getStatusCode();
          Status status = status(code, request.getDescription(), STREAMS_ENDED_DESCRIPTION);
          return EndStreamsResponse.newBuilder()
              .setEnded(state.endStreams(request.getThreadId(), status))
              .build();
        });
  }

  @Override
  public void reset(ResetRequest request, StreamObserver<ResetResponse> responseObserver) {
    UnaryCalls.answer(
        responseObserver,
        () -> {
          faults.clear();
          state.reset();
          verifier.restoreKeys();
          counter.clear();
          return ResetResponse.getDefaultInstance();
        });
  }

  @Override
  public void getCallCounts(
      GetCallCountsRequest request, StreamObserver<CallCounts> responseObserver) {
    UnaryCalls.answer(responseObserver, counter::toProto);
  }

  @Override
  public void getStats(GetStatsRequest request, StreamObserver<Stats> responseObserver) {
    UnaryCalls.answer(responseObserver, state::stats);
  }

  private String method(String method) {
    if (!method.equals(FaultRules.ANY_METHOD) && !methods.contains(method)) {
      throw FieldLimits.invalid(
          "unknown method '"
              + method
              + "'; expected a full method name such as"
              + " midimo.chat.v1.ChatService/SendMessage, or empty for every method");
    }
    return method;
  }

  /**
   * @param otherwise the description when the caller gave none
   */
  private static Status status(int code, String description, String otherwise) {
    if (code < 1 || code > 16) {
      throw FieldLimits.invalid("status_code must be a gRPC status code from 1 to 16");
    }
    return Status.fromCodeValue(code)
        .withDescription(description.isEmpty() ? otherwise : description);
  }
}
