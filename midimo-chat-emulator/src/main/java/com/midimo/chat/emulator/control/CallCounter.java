package com.midimo.chat.emulator.control;

import com.midimo.chat.emulator.v1.CallCounts;
import com.midimo.chat.emulator.v1.MethodCalls;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** Calls received per full method name, and how they ended. */
public final class CallCounter {
  private final ConcurrentHashMap<String, Counts> byMethod = new ConcurrentHashMap<>();

  void received(String method) {
    counts(method).total.increment();
  }

  void ended(String method, boolean ok) {
    (ok ? counts(method).ok : counts(method).failed).increment();
  }

  void clear() {
    byMethod.clear();
  }

  CallCounts toProto() {
    CallCounts.Builder counts = CallCounts.newBuilder();
    byMethod.forEach(
        (method, count) ->
            counts.putMethods(
                method,
                MethodCalls.newBuilder()
                    .setTotal(count.total.sum())
                    .setOk(count.ok.sum())
                    .setFailed(count.failed.sum())
                    .build()));
    return counts.build();
  }

  private Counts counts(String method) {
    return byMethod.computeIfAbsent(method, m -> new Counts());
  }

  private static final class Counts {
    final LongAdder total = new LongAdder();
    final LongAdder ok = new LongAdder();
    final LongAdder failed = new LongAdder();
  }
}
