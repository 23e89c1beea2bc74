package com.midimo.chat.emulator;

import com.midimo.chat.emulator.auth.JwtServerInterceptor;
import com.midimo.chat.emulator.auth.JwtVerifier;
import com.midimo.chat.emulator.chat.EmulatedChatService;
import com.midimo.chat.emulator.chat.SubscribedHeaders;
import com.midimo.chat.emulator.control.CallCounter;
import com.midimo.chat.emulator.control.CallCountingInterceptor;
import com.midimo.chat.emulator.control.EmulatorControlService;
import com.midimo.chat.emulator.control.FaultInjectingInterceptor;
import com.midimo.chat.emulator.control.FaultRules;
import com.midimo.chat.emulator.logging.CallLoggingInterceptor;
import com.midimo.chat.emulator.notification.EmulatedNotificationService;
import com.midimo.chat.emulator.presence.EmulatedPresenceService;
import com.midimo.chat.v1.ChatServiceGrpc;
import com.midimo.chat.v1.NotificationServiceGrpc;
import com.midimo.chat.v1.PresenceServiceGrpc;
import io.grpc.BindableService;
import io.grpc.MethodDescriptor;
import io.grpc.Server;
import io.grpc.ServerBuilder;
import io.grpc.ServerInterceptor;
import io.grpc.ServerInterceptors;
import io.grpc.ServerServiceDefinition;
import io.grpc.ServiceDescriptor;
import io.grpc.Status;
import io.grpc.health.v1.HealthCheckResponse.ServingStatus;
import io.grpc.protobuf.services.HealthStatusManager;
import io.grpc.protobuf.services.ProtoReflectionService;
import io.grpc.protobuf.services.ProtoReflectionServiceV1;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The emulator's gRPC server: the three Midimo Chat services, health, reflection and (when asked
 * for) EmulatorControl, on whatever transport the given builder makes, so tests run it in-process
 * and {@link MidimoChatEmulator} on a TCP port.
 *
 * <p>Each Midimo Chat call goes through, in order: call logging, call counting, fault injection,
 * the token check, the service. Counting comes first so that injected failures are counted; faults
 * come before the token check so that an outage fails every call, as a real one would.
 */
public final class EmulatorServer {
  public static final String CHAT_SCOPE = "chat:write";
  public static final String PRESENCE_SCOPE = "presence:write";
  public static final String NOTIFICATION_SCOPE = "notification:write";
  static final long SHUTDOWN_GRACE_SECONDS = 5;

  private static final List<ServiceDescriptor> MIDIMO_SERVICES =
      List.of(
          ChatServiceGrpc.getServiceDescriptor(),
          PresenceServiceGrpc.getServiceDescriptor(),
          NotificationServiceGrpc.getServiceDescriptor());

  private final Server server;
  private final ScheduledExecutorService scheduler;
  private final HealthStatusManager health = new HealthStatusManager();
  private final EmulatorState state;
  private final AtomicBoolean stopping = new AtomicBoolean();

  public EmulatorServer(ServerBuilder<?> serverBuilder, EmulatorConfig config) {
    scheduler = newScheduler();
    state = new EmulatorState(config, scheduler);
    JwtVerifier verifier = new JwtVerifier(config.jwtKeys(), config.jwtIssuer(), config.clock());

    List<ServerInterceptor> faultAndCount = new ArrayList<>();
    if (config.faultControl()) {
      CallCounter counter = new CallCounter();
      FaultRules faults = new FaultRules(outage -> setServing(!outage));
      // ServerInterceptors.intercept runs the last interceptor first: counting, then faults.
      faultAndCount.add(new FaultInjectingInterceptor(faults, scheduler));
      faultAndCount.add(new CallCountingInterceptor(counter));
      serverBuilder.addService(
          new EmulatorControlService(faults, counter, state, verifier, midimoMethodNames()));
    }
    serverBuilder
        .addService(
            midimo(
                new EmulatedChatService(state.threads, state.events),
                CHAT_SCOPE,
                verifier,
                faultAndCount))
        .addService(
            midimo(
                new EmulatedPresenceService(state.presences, state.typing, state.threads),
                PRESENCE_SCOPE,
                verifier,
                faultAndCount))
        .addService(
            midimo(
                new EmulatedNotificationService(state.notifications),
                NOTIFICATION_SCOPE,
                verifier,
                faultAndCount))
        .addService(health.getHealthService())
        .addService(ProtoReflectionServiceV1.newInstance())
        .addService(legacyReflection());
    if (config.callLog()) {
      // Server-wide interceptors run before per-service ones: the log line covers everything.
      serverBuilder.intercept(new CallLoggingInterceptor());
    }
    server = serverBuilder.build();
    setServing(true);
  }

  public EmulatorServer start() throws IOException {
    server.start();
    return this;
  }

  /** The port listened on (the one picked, when 0 was asked); -1 for in-process servers. */
  public int port() {
    return server.getPort();
  }

  /**
   * Stops taking calls, ends open event streams, and waits up to 5 s for calls in flight before
   * cancelling them. Safe to call more than once.
   */
  public void stop() throws InterruptedException {
    if (!stopping.compareAndSet(false, true)) {
      server.awaitTermination(2 * SHUTDOWN_GRACE_SECONDS, TimeUnit.SECONDS);
      return;
    }
    health.enterTerminalState();
    server.shutdown();
    // Event streams never end by themselves: end them, or the wait below always runs out.
    state.events.endAll(
        Status.UNAVAILABLE.withDescription("Midimo Chat emulator is shutting down"));
    if (!server.awaitTermination(SHUTDOWN_GRACE_SECONDS, TimeUnit.SECONDS)) {
      server.shutdownNow();
      server.awaitTermination(SHUTDOWN_GRACE_SECONDS, TimeUnit.SECONDS);
    }
    scheduler.shutdownNow();
  }

  public void blockUntilShutdown() throws InterruptedException {
    server.awaitTermination();
  }

  private void setServing(boolean serving) {
    ServingStatus status = serving ? ServingStatus.SERVING : ServingStatus.NOT_SERVING;
    health.setStatus(HealthStatusManager.SERVICE_NAME_ALL_SERVICES, status);
    for (ServiceDescriptor service : MIDIMO_SERVICES) {
      health.setStatus(service.getName(), status);
    }
  }

  private static ServerServiceDefinition midimo(
      BindableService service,
      String scope,
      JwtVerifier verifier,
      List<ServerInterceptor> faultAndCount) {
    List<ServerInterceptor> interceptors = new ArrayList<>();
    // Innermost: a stream's headers go out once its handler has subscribed it.
    interceptors.add(new SubscribedHeaders());
    interceptors.add(new JwtServerInterceptor(verifier, scope));
    interceptors.addAll(faultAndCount);
    return ServerInterceptors.intercept(service, interceptors);
  }

  private static Set<String> midimoMethodNames() {
    Set<String> names = new HashSet<>();
    for (ServiceDescriptor service : MIDIMO_SERVICES) {
      for (MethodDescriptor<?, ?> method : service.getMethods()) {
        names.add(method.getFullMethodName());
      }
    }
    return names;
  }

  /** grpcurl and older tools still ask v1alpha. */
  @SuppressWarnings("deprecation")
  private static BindableService legacyReflection() {
    return ProtoReflectionService.newInstance();
  }

  /**
   * The executor {@link MidimoChatEmulator} gives its server: a fixed pool, one thread per core.
   * Handlers never wait on I/O (an idempotent replay waits only for a write already running on
   * another thread), and gRPC's default cached pool costs a thread hand-off per call: about a third
   * fewer calls per second on 2 cores (BENCHMARKS.md). The caller shuts it down.
   */
  public static ExecutorService newHandlerExecutor() {
    AtomicInteger count = new AtomicInteger();
    return Executors.newFixedThreadPool(
        Runtime.getRuntime().availableProcessors(),
        runnable -> {
          Thread thread =
              new Thread(runnable, "midimo-emulator-handler-" + count.incrementAndGet());
          thread.setDaemon(true);
          return thread;
        });
  }

  /** Typing expiry and injected latency; handlers it runs take microseconds. */
  private static ScheduledExecutorService newScheduler() {
    ScheduledThreadPoolExecutor scheduler =
        new ScheduledThreadPoolExecutor(
            2,
            runnable -> {
              Thread thread = Executors.defaultThreadFactory().newThread(runnable);
              thread.setName("midimo-emulator-scheduler-" + thread.getId());
              thread.setDaemon(true);
              return thread;
            });
    // Every typing refresh cancels a task: drop cancelled ones at once instead of at their time.
    scheduler.setRemoveOnCancelPolicy(true);
    return scheduler;
  }
}
