package com.shopsuite.midimo.client;

import com.midimo.chat.emulator.EmulatorConfig;
import com.midimo.chat.emulator.EmulatorServer;
import com.midimo.chat.emulator.auth.JwtKeys;
import com.midimo.chat.emulator.v1.CallCounts;
import com.midimo.chat.emulator.v1.EmulatorControlGrpc;
import com.midimo.chat.emulator.v1.GetCallCountsRequest;
import com.midimo.chat.emulator.v1.MethodCalls;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.inprocess.InProcessChannelBuilder;
import io.grpc.inprocess.InProcessServerBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * The real emulator on grpc's in-process transport, and a {@link MidimoChatClient} over a pool of
 * one channel to it: the client is tested against a real server, never a mocked stub.
 */
final class EmulatorFixture implements AutoCloseable {

  static final String SECRET = "client-tests-shared-secret-0123456789abcdef";
  static final String KEY_ID = "primary";

  /** Every request's headers, as the server received them. */
  final Queue<Metadata> receivedHeaders = new ConcurrentLinkedQueue<>();

  final EmulatorServer server;
  final ChannelPool pool;
  final EmulatorControlGrpc.EmulatorControlBlockingStub control;
  private final String name = InProcessServerBuilder.generateName();

  EmulatorFixture() {
    InProcessServerBuilder builder = InProcessServerBuilder.forName(name);
    builder.intercept(recordHeaders());
    server =
        new EmulatorServer(
            builder,
            EmulatorConfig.builder(JwtKeys.primary(KEY_ID, SECRET))
                .faultControl(true)
                .callLog(false)
                .build());
    try {
      server.start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    pool = ChannelPool.of(List.of(newChannel()));
    control = EmulatorControlGrpc.newBlockingStub(newChannel());
  }

  ManagedChannel newChannel() {
    return InProcessChannelBuilder.forName(name).directExecutor().build();
  }

  static ClientSettings settings(String secret) {
    return new ClientSettings(
        plaintext("localhost", 50051),
        new JwtSettings(secret, "e-commerce", KEY_ID, Duration.ofMinutes(5)),
        Duration.ofMillis(500),
        Duration.ofMinutes(15));
  }

  /** One plaintext channel with the shipped keepalive settings: the local emulator. */
  static ConnectionSettings plaintext(String host, int port) {
    return new ConnectionSettings(
        host, port, false, null, 1, Duration.ofMinutes(5), Duration.ofSeconds(20));
  }

  MidimoChatClient client() {
    return MidimoChatClient.over(pool, settings(SECRET), CallObserver.NONE);
  }

  MidimoChatClient client(ClientSettings settings, CallObserver observer) {
    return MidimoChatClient.over(pool, settings, observer);
  }

  /** Calls of one rpc the emulator received, e.g. {@code "ChatService/SendMessage"}. */
  long calls(String rpc) {
    CallCounts counts = control.getCallCounts(GetCallCountsRequest.getDefaultInstance());
    MethodCalls calls = counts.getMethodsMap().get("midimo.chat.v1." + rpc);
    return calls == null ? 0 : calls.getTotal();
  }

  private ServerInterceptor recordHeaders() {
    return new ServerInterceptor() {
      @Override
      public <Q, R> ServerCall.Listener<Q> interceptCall(
          ServerCall<Q, R> call, Metadata headers, ServerCallHandler<Q, R> next) {
        receivedHeaders.add(headers);
        return next.startCall(call, headers);
      }
    };
  }

  @Override
  public void close() throws InterruptedException {
    pool.close(Duration.ofSeconds(1));
    ((ManagedChannel) control.getChannel()).shutdownNow();
    server.stop();
  }
}
