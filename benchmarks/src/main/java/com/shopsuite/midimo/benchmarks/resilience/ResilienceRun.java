package com.shopsuite.midimo.benchmarks.resilience;

import com.nimbusds.jose.JOSEException;
import com.shopsuite.midimo.benchmarks.emulator.BenchmarkToken;
import com.shopsuite.midimo.benchmarks.suite.ServerSession;
import com.shopsuite.midimo.benchmarks.suite.Suite;
import io.grpc.ManagedChannel;
import io.grpc.netty.NettyChannelBuilder;
import java.time.Duration;
import java.util.Map;

/**
 * What the scenarios share: the suite's machinery for starting and stopping the system (a fresh
 * emulator and WildFly per scenario), how long the scripted faults last, and the report's log.
 *
 * @param scale 1 for the report's sizes; smaller for a quick development run
 */
record ResilienceRun(Suite suite, double scale) {

  /** A fresh emulator (with fault control) and a fresh WildFly, ready. */
  ServerSession start(String name) {
    return suite.startServer(name, Map.of(), true);
  }

  /** A plaintext channel to the session's emulator: its control service and its own services. */
  ManagedChannel emulatorChannel(ServerSession session) {
    return NettyChannelBuilder.forAddress("localhost", session.emulator().port())
        .usePlaintext()
        .build();
  }

  /** A token the emulator accepts, to read back what the application made. */
  String emulatorToken() {
    try {
      return BenchmarkToken.mint(suite.secret());
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  /** {@code count} scaled down in a quick run, never below {@code floor}. */
  int scaled(int count, int floor) {
    return Math.max(floor, (int) Math.round(count * scale));
  }

  Duration scaled(Duration duration) {
    return Duration.ofMillis(Math.max(1_000, Math.round(duration.toMillis() * scale)));
  }

  void log(String format, Object... args) {
    suite.log(format, args);
  }

  void stop(ServerSession session) {
    suite.stop(session);
  }
}
