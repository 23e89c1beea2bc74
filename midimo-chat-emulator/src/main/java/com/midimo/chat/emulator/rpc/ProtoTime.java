package com.midimo.chat.emulator.rpc;

import com.google.protobuf.Timestamp;
import java.time.Clock;
import java.time.Instant;

/** Reads the emulator's clock as protobuf timestamps. */
public final class ProtoTime {
  private ProtoTime() {}

  public static Timestamp now(Clock clock) {
    return of(clock.instant());
  }

  public static Timestamp of(Instant instant) {
    return Timestamp.newBuilder()
        .setSeconds(instant.getEpochSecond())
        .setNanos(instant.getNano())
        .build();
  }
}
