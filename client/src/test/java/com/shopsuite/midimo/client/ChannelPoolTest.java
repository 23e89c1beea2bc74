package com.shopsuite.midimo.client;

import static org.assertj.core.api.Assertions.assertThat;

import com.midimo.chat.emulator.EmulatorConfig;
import com.midimo.chat.emulator.EmulatorServer;
import com.midimo.chat.emulator.auth.JwtKeys;
import com.shopsuite.midimo.error.ServiceUnavailableException;
import com.shopsuite.midimo.presence.PresenceStatus;
import io.grpc.Channel;
import io.grpc.ManagedChannel;
import io.grpc.ServerBuilder;
import io.grpc.inprocess.InProcessChannelBuilder;
import io.netty.util.internal.InternalThreadLocalMap;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ChannelPoolTest {

  @Test
  void next_handsOutTheChannelsRoundRobin() {
    ManagedChannel a = InProcessChannelBuilder.forName("a").build();
    ManagedChannel b = InProcessChannelBuilder.forName("b").build();
    try (ChannelPool pool = ChannelPool.of(List.of(a, b))) {
      List<Channel> handedOut = List.of(pool.next(), pool.next(), pool.next(), pool.next());
      assertThat(handedOut).containsExactly(a, b, a, b);
    }
    assertThat(a.isShutdown()).isTrue();
    assertThat(b.isShutdown()).isTrue();
  }

  @Test
  void connect_overTcp_servesCalls_andCloseLeavesNoThreadBehind() throws Exception {
    EmulatorServer server =
        new EmulatorServer(
                ServerBuilder.forPort(0),
                EmulatorConfig.builder(JwtKeys.primary("primary", EmulatorFixture.SECRET))
                    .callLog(false)
                    .build())
            .start();
    try {
      ClientSettings settings = EmulatorFixture.settings(EmulatorFixture.SECRET);
      ConnectionSettings connection =
          EmulatorFixture.plaintext("localhost", server.port()).withPoolSize(3);
      ChannelPool pool = ChannelPool.connect(connection);
      try (MidimoChatClient client = MidimoChatClient.over(pool, settings, CallObserver.NONE)) {
        for (int i = 0; i < 6; i++) {
          client.updatePresence("u" + i, PresenceStatus.ONLINE, "");
        }
        assertThat(pool.size()).isEqualTo(3);
        assertThat(new HashSet<>(pool.states())).containsOnly(io.grpc.ConnectivityState.READY);
      }
      assertThat(poolThreads()).isNotEmpty();

      pool.close(Duration.ofSeconds(2));

      assertThat(pool.isTerminated()).isTrue();
      assertThat(poolThreads()).isEmpty();
    } finally {
      server.stop();
    }
  }

  @Test
  void aCall_leavesNoNettyStateOnTheCallersThread_soNoServerThreadPinsTheDeployment()
      throws Exception {
    EmulatorServer server =
        new EmulatorServer(
                ServerBuilder.forPort(0),
                EmulatorConfig.builder(JwtKeys.primary("primary", EmulatorFixture.SECRET))
                    .callLog(false)
                    .build())
            .start();
    try (ChannelPool pool =
            ChannelPool.connect(EmulatorFixture.plaintext("localhost", server.port()));
        MidimoChatClient client =
            MidimoChatClient.over(
                pool, EmulatorFixture.settings(EmulatorFixture.SECRET), CallObserver.NONE)) {
      for (int i = 0; i < 3; i++) {
        client.updatePresence("u" + i, PresenceStatus.ONLINE, "x".repeat(100));
      }

      assertThat(InternalThreadLocalMap.getIfSet()).isNull();
    } finally {
      server.stop();
    }
  }

  @Test
  void connect_makesNoConnectionUntilTheFirstCall_soADownServiceIsNotAnErrorYet() throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    ClientSettings base = EmulatorFixture.settings(EmulatorFixture.SECRET);
    ClientSettings settings =
        new ClientSettings(
            EmulatorFixture.plaintext("localhost", closedPort),
            base.jwt(),
            Duration.ofSeconds(2),
            base.streamMaxDuration());

    try (MidimoChatClient client = MidimoChatClient.connect(settings)) {
      assertThat(client.checkHealth(Duration.ofSeconds(1)).serving()).isFalse();
      org.assertj.core.api.Assertions.assertThatThrownBy(() -> client.getPresence(List.of("u1")))
          .isInstanceOf(ServiceUnavailableException.class);
    }
  }

  private static Set<String> poolThreads() {
    Set<String> names = new HashSet<>();
    for (Thread thread : Thread.getAllStackTraces().keySet()) {
      if (thread.isAlive()
          && (thread.getName().startsWith("midimo-chat-")
              || thread.getName().startsWith("globalEventExecutor"))) {
        names.add(thread.getName());
      }
    }
    return names;
  }
}
