package com.midimo.chat.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.midimo.chat.v1.CreateThreadRequest;
import com.midimo.chat.v1.SendMessageRequest;
import com.midimo.chat.v1.StreamThreadEventsRequest;
import com.midimo.chat.v1.Thread;
import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientCall;
import io.grpc.ClientInterceptor;
import io.grpc.ForwardingClientCall.SimpleForwardingClientCall;
import io.grpc.ForwardingClientCallListener.SimpleForwardingClientCallListener;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.Status;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthCheckResponse.ServingStatus;
import io.grpc.health.v1.HealthGrpc;
import io.grpc.reflection.v1.ServerReflectionGrpc;
import io.grpc.reflection.v1.ServerReflectionRequest;
import io.grpc.reflection.v1.ServerReflectionResponse;
import io.grpc.reflection.v1.ServiceResponse;
import io.grpc.stub.StreamObserver;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class EmulatorServerTest {
  private final InProcessEmulator emulator = InProcessEmulator.start();

  @AfterEach
  void stopEmulator() throws InterruptedException {
    emulator.close();
  }

  @Test
  void health_reportsServingForTheServerAndEachService() {
    for (String service :
        List.of(
            "",
            "midimo.chat.v1.ChatService",
            "midimo.chat.v1.PresenceService",
            "midimo.chat.v1.NotificationService")) {
      assertThat(
              HealthGrpc.newBlockingStub(emulator.channel())
                  .check(HealthCheckRequest.newBuilder().setService(service).build())
                  .getStatus())
          .as("health of '%s'", service)
          .isEqualTo(ServingStatus.SERVING);
    }
  }

  @Test
  void reflection_listsEveryService() {
    List<String> services = new CopyOnWriteArrayList<>();
    List<Throwable> errors = new CopyOnWriteArrayList<>();
    StreamObserver<ServerReflectionRequest> requests =
        ServerReflectionGrpc.newStub(emulator.channel())
            .serverReflectionInfo(
                new StreamObserver<>() {
                  @Override
                  public void onNext(ServerReflectionResponse response) {
                    for (ServiceResponse service :
                        response.getListServicesResponse().getServiceList()) {
                      services.add(service.getName());
                    }
                  }

                  @Override
                  public void onError(Throwable t) {
                    errors.add(t);
                  }

                  @Override
                  public void onCompleted() {}
                });

    requests.onNext(ServerReflectionRequest.newBuilder().setListServices("").build());
    requests.onCompleted();

    await().until(() -> !services.isEmpty() || !errors.isEmpty());
    assertThat(errors).isEmpty();
    assertThat(services)
        .contains(
            "midimo.chat.v1.ChatService",
            "midimo.chat.v1.PresenceService",
            "midimo.chat.v1.NotificationService",
            "midimo.emulator.v1.EmulatorControl",
            "grpc.health.v1.Health");
  }

  @Test
  void aThreadEventStream_sendsItsHeadersOnceSubscribed_andEverythingPostedAfterThemArrives() {
    Thread thread =
        emulator
            .chat()
            .createThread(CreateThreadRequest.newBuilder().setUserId("u").setTitle("t").build());
    AtomicBoolean headers = new AtomicBoolean();
    ThreadEventCollector events = new ThreadEventCollector();
    emulator
        .chatAsync()
        .withInterceptors(headersSeen(headers::set))
        .streamThreadEvents(
            StreamThreadEventsRequest.newBuilder().setThreadId(thread.getId()).build(), events);

    // Before any event: the headers say the subscription is in place.
    await().untilTrue(headers);
    assertThat(events.events()).isEmpty();
    emulator
        .chat()
        .sendMessage(
            SendMessageRequest.newBuilder()
                .setThreadId(thread.getId())
                .setUserId("u")
                .setContent("right after")
                .build());
    await().until(() -> events.events().size() == 1);
    assertThat(events.events().get(0).getMessageCreated().getContent()).isEqualTo("right after");
    events.cancel();
  }

  private static ClientInterceptor headersSeen(Consumer<Boolean> seen) {
    return new ClientInterceptor() {
      @Override
      public <ReqT, RespT> ClientCall<ReqT, RespT> interceptCall(
          MethodDescriptor<ReqT, RespT> method, CallOptions options, Channel next) {
        return new SimpleForwardingClientCall<>(next.newCall(method, options)) {
          @Override
          public void start(Listener<RespT> listener, Metadata headers) {
            super.start(
                new SimpleForwardingClientCallListener<>(listener) {
                  @Override
                  public void onHeaders(Metadata responseHeaders) {
                    seen.accept(true);
                    super.onHeaders(responseHeaders);
                  }
                },
                headers);
          }
        };
      }
    };
  }

  @Test
  void stop_endsOpenStreamsWithUnavailableAndTerminates() throws InterruptedException {
    Thread thread =
        emulator
            .chat()
            .createThread(CreateThreadRequest.newBuilder().setUserId("u").setTitle("t").build());
    ThreadEventCollector events = new ThreadEventCollector();
    emulator
        .chatAsync()
        .streamThreadEvents(
            StreamThreadEventsRequest.newBuilder().setThreadId(thread.getId()).build(), events);
    await()
        .until(
            () ->
                emulator
                        .control()
                        .getStats(com.midimo.chat.emulator.v1.GetStatsRequest.getDefaultInstance())
                        .getStreamSubscribers()
                    == 1);

    long start = System.nanoTime();
    emulator.server().stop();

    // Well within the grace period: the stream did not hold the shutdown up.
    assertThat(System.nanoTime() - start)
        .isLessThan(EmulatorServer.SHUTDOWN_GRACE_SECONDS * 1_000_000_000L);
    await().until(() -> events.status() != null);
    assertThat(events.status().getCode()).isEqualTo(Status.Code.UNAVAILABLE);
    assertThat(events.status().getDescription()).contains("shutting down");
  }
}
