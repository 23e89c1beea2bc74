package com.shopsuite.midimo.benchmarks.resilience;

import com.midimo.chat.emulator.v1.ClearFaultsRequest;
import com.midimo.chat.emulator.v1.EmulatorControlGrpc;
import com.midimo.chat.emulator.v1.FailFractionRequest;
import com.midimo.chat.emulator.v1.FailMatchingRequest;
import com.midimo.chat.emulator.v1.GetCallCountsRequest;
import com.midimo.chat.emulator.v1.GetStatsRequest;
import com.midimo.chat.emulator.v1.MethodCalls;
import com.midimo.chat.emulator.v1.SetOutageRequest;
import com.midimo.chat.emulator.v1.Stats;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import java.util.concurrent.TimeUnit;

/** The faults a scenario injects into the emulator, through its control service. */
public final class EmulatorFaults {

  private final EmulatorControlGrpc.EmulatorControlBlockingStub control;

  public EmulatorFaults(ManagedChannel channel) {
    this.control = EmulatorControlGrpc.newBlockingStub(channel);
  }

  private EmulatorControlGrpc.EmulatorControlBlockingStub stub() {
    return control.withDeadlineAfter(10, TimeUnit.SECONDS);
  }

  void outage(boolean on) {
    stub().setOutage(SetOutageRequest.newBuilder().setEnabled(on).build());
  }

  /** {@code fraction} of the calls of one rpc (e.g. {@code ChatService/SendMessage}) fail. */
  void failFraction(String rpc, double fraction, Status.Code code) {
    stub()
        .failFraction(
            FailFractionRequest.newBuilder()
                .setMethod("midimo.chat.v1." + rpc)
                .setFraction(fraction)
                .setStatusCode(code.value())
                .build());
  }

  /** Calls of {@code rpc} whose request id starts with {@code prefix} fail; OK removes the rule. */
  void failMatching(String rpc, String prefix, Status.Code code) {
    stub()
        .failMatching(
            FailMatchingRequest.newBuilder()
                .setMethod("midimo.chat.v1." + rpc)
                .setRequestIdPrefix(prefix)
                .setStatusCode(code.value())
                .build());
  }

  void clear() {
    stub().clearFaults(ClearFaultsRequest.getDefaultInstance());
  }

  /** Calls of one rpc received so far, failed ones included. */
  long calls(String rpc) {
    MethodCalls calls =
        stub()
            .getCallCounts(GetCallCountsRequest.getDefaultInstance())
            .getMethodsMap()
            .get("midimo.chat.v1." + rpc);
    return calls == null ? 0 : calls.getTotal();
  }

  public Stats stats() {
    return stub().getStats(GetStatsRequest.getDefaultInstance());
  }
}
