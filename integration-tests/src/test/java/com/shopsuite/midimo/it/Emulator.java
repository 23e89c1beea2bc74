package com.shopsuite.midimo.it;

import com.midimo.chat.emulator.v1.CallCounts;
import com.midimo.chat.emulator.v1.ClearFaultsRequest;
import com.midimo.chat.emulator.v1.EmulatorControlGrpc;
import com.midimo.chat.emulator.v1.EndStreamsRequest;
import com.midimo.chat.emulator.v1.FailMatchingRequest;
import com.midimo.chat.emulator.v1.FailNextRequest;
import com.midimo.chat.emulator.v1.GetCallCountsRequest;
import com.midimo.chat.emulator.v1.GetStatsRequest;
import com.midimo.chat.emulator.v1.InjectLatencyRequest;
import com.midimo.chat.emulator.v1.MethodCalls;
import com.midimo.chat.emulator.v1.ResetRequest;
import com.midimo.chat.emulator.v1.SetOutageRequest;
import com.midimo.chat.emulator.v1.Stats;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.Status;
import java.util.concurrent.TimeUnit;

/**
 * The test's handle on the running emulator's fault control. Works on both sides: in the test JVM
 * (the port from {@link RunningSystem}) and inside WildFly, in in-container tests (the port the
 * application itself is configured with).
 */
public final class Emulator {

  private static volatile ManagedChannel channel;

  private Emulator() {}

  public static int port() {
    String port = System.getProperty(RunningSystem.PORT_PROPERTY);
    if (port == null) {
      port = System.getProperty("midimo.chat.port");
    }
    if (port == null) {
      throw new IllegalStateException("no emulator port: is RunningSystem registered?");
    }
    return Integer.parseInt(port);
  }

  public static EmulatorControlGrpc.EmulatorControlBlockingStub control() {
    ManagedChannel current = channel;
    if (current == null) {
      synchronized (Emulator.class) {
        current = channel;
        if (current == null) {
          current = ManagedChannelBuilder.forAddress("localhost", port()).usePlaintext().build();
          channel = current;
        }
      }
    }
    return EmulatorControlGrpc.newBlockingStub(current).withDeadlineAfter(10, TimeUnit.SECONDS);
  }

  /** Forgets all state, faults and counts: every test starts from an empty Midimo Chat. */
  public static void reset() {
    control().reset(ResetRequest.getDefaultInstance());
  }

  /** Calls of one rpc received since the last reset, e.g. {@code "ChatService/SendMessage"}. */
  public static long calls(String rpc) {
    CallCounts counts = control().getCallCounts(GetCallCountsRequest.getDefaultInstance());
    MethodCalls calls = counts.getMethodsMap().get("midimo.chat.v1." + rpc);
    return calls == null ? 0 : calls.getTotal();
  }

  public static Stats stats() {
    return control().getStats(GetStatsRequest.getDefaultInstance());
  }

  /** The next {@code count} calls of {@code rpc} fail with {@code code}. */
  public static void failNext(String rpc, int count, Status.Code code) {
    control()
        .failNext(
            FailNextRequest.newBuilder()
                .setMethod("midimo.chat.v1." + rpc)
                .setCount(count)
                .setStatusCode(code.value())
                .build());
  }

  /**
   * Every call of {@code rpc} whose request id (idempotency key) starts with {@code prefix} fails
   * with {@code code}, until {@link #stopFailing} or {@link #clearFaults}.
   */
  public static void failMatching(String rpc, String prefix, Status.Code code) {
    control()
        .failMatching(
            FailMatchingRequest.newBuilder()
                .setMethod("midimo.chat.v1." + rpc)
                .setRequestIdPrefix(prefix)
                .setStatusCode(code.value())
                .build());
  }

  public static void stopFailing(String rpc, String prefix) {
    failMatching(rpc, prefix, Status.Code.OK);
  }

  /**
   * Ends the open event streams of a thread with {@code code}, as a restart of Midimo Chat would.
   */
  public static void endStreams(String threadId, Status.Code code) {
    control()
        .endStreams(
            EndStreamsRequest.newBuilder()
                .setThreadId(threadId)
                .setStatusCode(code.value())
                .build());
  }

  /** Open event streams of one thread, as Midimo Chat counts them. */
  public static long streamsOf(String threadId) {
    return stats().getStreamSubscribersByThreadOrDefault(threadId, 0);
  }

  public static void latency(String rpc, long millis) {
    control()
        .injectLatency(
            InjectLatencyRequest.newBuilder()
                .setMethod(rpc.isEmpty() ? "" : "midimo.chat.v1." + rpc)
                .setLatencyMillis(millis)
                .build());
  }

  public static void outage(boolean on) {
    control().setOutage(SetOutageRequest.newBuilder().setEnabled(on).build());
  }

  public static void clearFaults() {
    control().clearFaults(ClearFaultsRequest.getDefaultInstance());
  }
}
