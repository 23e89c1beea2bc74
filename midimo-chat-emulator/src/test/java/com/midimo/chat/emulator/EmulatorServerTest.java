package com.midimo.chat.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.midimo.chat.v1.CreateThreadRequest;
import com.midimo.chat.v1.StreamThreadEventsRequest;
import com.midimo.chat.v1.Thread;
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
