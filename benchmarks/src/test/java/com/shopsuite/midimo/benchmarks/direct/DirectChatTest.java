package com.shopsuite.midimo.benchmarks.direct;

import static org.assertj.core.api.Assertions.assertThat;

import com.midimo.chat.emulator.EmulatorConfig;
import com.midimo.chat.emulator.EmulatorServer;
import com.midimo.chat.emulator.auth.JwtKeys;
import com.shopsuite.midimo.benchmarks.load.ClosedLoopDriver;
import com.shopsuite.midimo.benchmarks.load.LoadResult;
import io.grpc.InsecureServerCredentials;
import io.grpc.netty.NettyServerBuilder;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A smoke run of case 1's client against the emulator on a loopback port: the calls it makes. */
class DirectChatTest {
  private static final String SECRET = "a-benchmark-test-secret-of-at-least-32-bytes";

  private EmulatorServer emulator;

  @BeforeEach
  void start() throws Exception {
    emulator =
        new EmulatorServer(
                NettyServerBuilder.forAddress(
                    new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
                    InsecureServerCredentials.create()),
                EmulatorConfig.builder(JwtKeys.primary(JwtKeys.DEFAULT_KEY_ID, SECRET))
                    .callLog(false)
                    .build())
            .start();
  }

  @AfterEach
  void stop() throws Exception {
    emulator.stop();
  }

  @Test
  void sendMessageAndGetMessages_areAcceptedByTheEmulator() throws Exception {
    try (DirectChat chat = DirectChat.connect(emulator.port(), SECRET, 3)) {
      ClosedLoopDriver driver = new ClosedLoopDriver(Duration.ZERO, Duration.ofMillis(300));

      LoadResult sends = driver.run("sends", chat.sendMessage(), 2);
      LoadResult reads = driver.run("reads", chat.getMessages(50), 2);

      assertThat(sends.firstError()).isNull();
      assertThat(sends.latencies().getTotalCount()).isPositive();
      assertThat(reads.firstError()).isNull();
      assertThat(reads.latencies().getTotalCount()).isPositive();
    }
  }
}
