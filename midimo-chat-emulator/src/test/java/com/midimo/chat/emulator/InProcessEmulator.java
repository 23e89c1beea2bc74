package com.midimo.chat.emulator;

import com.midimo.chat.emulator.v1.EmulatorControlGrpc;
import com.midimo.chat.v1.ChatServiceGrpc;
import com.midimo.chat.v1.NotificationServiceGrpc;
import com.midimo.chat.v1.PresenceServiceGrpc;
import io.grpc.ClientInterceptor;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.inprocess.InProcessChannelBuilder;
import io.grpc.inprocess.InProcessServerBuilder;
import io.grpc.stub.AbstractStub;
import io.grpc.stub.MetadataUtils;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;

/**
 * A real {@link EmulatorServer} on the in-process transport, with one channel to it and stubs that
 * carry a valid token, as the application's would. Close it after each test.
 */
public final class InProcessEmulator implements AutoCloseable {
  public static final Metadata.Key<String> AUTHORIZATION =
      Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER);

  private final EmulatorServer server;
  private final ManagedChannel channel;
  private final Clock clock;

  private InProcessEmulator(EmulatorConfig config) {
    String name = InProcessServerBuilder.generateName();
    this.clock = config.clock();
    this.server = new EmulatorServer(InProcessServerBuilder.forName(name), config);
    try {
      server.start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    this.channel = InProcessChannelBuilder.forName(name).build();
  }

  /** Fault control on, call log off, every other setting at its default. */
  public static InProcessEmulator start() {
    return start(config -> config);
  }

  /** As {@link #start()}, with some settings changed. */
  public static InProcessEmulator start(UnaryOperator<EmulatorConfig.Builder> settings) {
    return new InProcessEmulator(
        settings
            .apply(EmulatorConfig.builder(TestTokens.keys()).faultControl(true).callLog(false))
            .build());
  }

  public ManagedChannel channel() {
    return channel;
  }

  public EmulatorServer server() {
    return server;
  }

  public ChatServiceGrpc.ChatServiceBlockingStub chat() {
    return authorized(ChatServiceGrpc.newBlockingStub(channel));
  }

  public ChatServiceGrpc.ChatServiceStub chatAsync() {
    return authorized(ChatServiceGrpc.newStub(channel));
  }

  public ChatServiceGrpc.ChatServiceFutureStub chatFuture() {
    return authorized(ChatServiceGrpc.newFutureStub(channel));
  }

  public PresenceServiceGrpc.PresenceServiceBlockingStub presence() {
    return authorized(PresenceServiceGrpc.newBlockingStub(channel));
  }

  public NotificationServiceGrpc.NotificationServiceBlockingStub notifications() {
    return authorized(NotificationServiceGrpc.newBlockingStub(channel));
  }

  /** The control service needs no token. */
  public EmulatorControlGrpc.EmulatorControlBlockingStub control() {
    return EmulatorControlGrpc.newBlockingStub(channel);
  }

  /** A stub that sends {@code authorization: Bearer <token>}. */
  public static <S extends AbstractStub<S>> S withToken(S stub, String token) {
    return stub.withInterceptors(bearer(token));
  }

  public static ClientInterceptor bearer(String token) {
    Metadata headers = new Metadata();
    headers.put(AUTHORIZATION, "Bearer " + token);
    return MetadataUtils.newAttachHeadersInterceptor(headers);
  }

  private <S extends AbstractStub<S>> S authorized(S stub) {
    return withToken(stub, TestTokens.valid(clock)).withDeadlineAfter(10, TimeUnit.SECONDS);
  }

  @Override
  public void close() throws InterruptedException {
    channel.shutdownNow();
    channel.awaitTermination(5, TimeUnit.SECONDS);
    server.stop();
  }
}
