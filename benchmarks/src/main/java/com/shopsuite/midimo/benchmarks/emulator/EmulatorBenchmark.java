package com.shopsuite.midimo.benchmarks.emulator;

import com.midimo.chat.emulator.EmulatorConfig;
import com.midimo.chat.emulator.EmulatorServer;
import com.midimo.chat.emulator.auth.JwtKeys;
import com.midimo.chat.emulator.logging.AsyncLineHandler;
import com.midimo.chat.v1.ChatServiceGrpc;
import com.midimo.chat.v1.CreateThreadRequest;
import com.midimo.chat.v1.SendMessageRequest;
import com.midimo.chat.v1.Thread;
import com.shopsuite.midimo.benchmarks.load.AsyncCall;
import com.shopsuite.midimo.benchmarks.load.ClosedLoopDriver;
import com.shopsuite.midimo.benchmarks.load.GrpcAnswers;
import com.shopsuite.midimo.benchmarks.load.LatencyReport;
import com.shopsuite.midimo.benchmarks.load.LoadResult;
import com.shopsuite.midimo.benchmarks.load.OpenLoopDriver;
import io.grpc.Grpc;
import io.grpc.InsecureChannelCredentials;
import io.grpc.InsecureServerCredentials;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.netty.NettyServerBuilder;
import io.grpc.stub.MetadataUtils;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * SendMessage against the emulator, served in this JVM on a real loopback port (Netty, plaintext,
 * no call log, no fault control: the path the application's calls take), from a bare grpc-java
 * client over one shared channel. Every call carries a JWT the emulator verifies.
 */
@Command(
    name = "emulator",
    mixinStandardHelpOptions = true,
    description = {
      "Unary calls per second the Midimo Chat emulator serves: SendMessage, closed loop at each"
          + " concurrency (or open loop with --rate)."
    })
public final class EmulatorBenchmark implements Callable<Integer> {
  @Option(
      names = "--concurrency",
      split = ",",
      defaultValue = "1,16,64",
      description = "Closed-loop callers, one run each. Default: ${DEFAULT-VALUE}.")
  private List<Integer> concurrency;

  @Option(
      names = "--rate",
      description =
          "Calls per second, open loop (latency from each call's intended start)"
              + " instead of the closed-loop runs.")
  private Double rate;

  @Option(
      names = "--warmup-seconds",
      defaultValue = "5",
      description = "Unrecorded load before each run. Default: ${DEFAULT-VALUE}.")
  private int warmupSeconds;

  @Option(
      names = "--seconds",
      defaultValue = "10",
      description = "Recorded length of each run. Default: ${DEFAULT-VALUE}.")
  private int seconds;

  @Option(
      names = "--server-executor",
      defaultValue = "fixed",
      description =
          "Where the emulator runs handlers: fixed (one thread per core, as the jar does),"
              + " cached (gRPC's default) or direct (Netty's event loops)."
              + " Default: ${DEFAULT-VALUE}.")
  private String serverExecutor;

  @Option(
      names = "--call-log",
      description =
          "Let the emulator log every call (to standard error), as the jar does unless --quiet.")
  private boolean callLog;

  @Override
  public Integer call() throws Exception {
    List<LoadResult> results = measure();
    LatencyReport.print(System.out, rate != null ? "open loop at" : "concurrency", results);
    return results.stream().allMatch(result -> result.errors() == 0) ? 0 : 1;
  }

  /**
   * The suite's way in: the same runs, with its durations, results returned rather than printed.
   */
  public static List<LoadResult> measure(List<Integer> concurrency, int warmupSeconds, int seconds)
      throws Exception {
    EmulatorBenchmark benchmark = new EmulatorBenchmark();
    benchmark.concurrency = concurrency;
    benchmark.warmupSeconds = warmupSeconds;
    benchmark.seconds = seconds;
    benchmark.serverExecutor = "fixed";
    return benchmark.measure();
  }

  private List<LoadResult> measure() throws Exception {
    if (callLog) {
      // The jar's call log: one line per call on standard error, from a background writer.
      AsyncLineHandler.replaceRootHandlers(System.err);
    }
    String secret = randomSecret();
    NettyServerBuilder serverBuilder =
        NettyServerBuilder.forAddress(
            new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
            InsecureServerCredentials.create());
    ExecutorService handlers = null;
    switch (serverExecutor) {
      case "fixed" -> {
        handlers = EmulatorServer.newHandlerExecutor();
        serverBuilder.executor(handlers);
      }
      case "cached" -> {}
      case "direct" -> serverBuilder.directExecutor();
      default -> throw new IllegalArgumentException("--server-executor: " + serverExecutor);
    }
    EmulatorServer emulator =
        new EmulatorServer(
            serverBuilder,
            EmulatorConfig.builder(JwtKeys.primary(JwtKeys.DEFAULT_KEY_ID, secret))
                .callLog(callLog)
                // Millions of messages pile up over the runs: the default cap would end them.
                .maxMessages(Long.MAX_VALUE)
                .build());
    emulator.start();
    ManagedChannel channel =
        Grpc.newChannelBuilderForAddress(
                "127.0.0.1", emulator.port(), InsecureChannelCredentials.create())
            .build();
    try {
      ChatServiceGrpc.ChatServiceFutureStub chat =
          ChatServiceGrpc.newFutureStub(channel)
              .withInterceptors(
                  MetadataUtils.newAttachHeadersInterceptor(bearer(BenchmarkToken.mint(secret))));
      Thread thread =
          chat.createThread(
                  CreateThreadRequest.newBuilder()
                      .setUserId("customer_1")
                      .setTitle("Benchmark")
                      .addParticipants("support_1")
                      .build())
              .get(10, TimeUnit.SECONDS);
      SendMessageRequest message =
          SendMessageRequest.newBuilder()
              .setThreadId(thread.getId())
              .setUserId("customer_1")
              .setContent("Where is my order order_456?")
              .putMetadata("order_id", "order_456")
              .build();
      AsyncCall sendMessage =
          () -> GrpcAnswers.of(chat.withDeadlineAfter(10, TimeUnit.SECONDS).sendMessage(message));

      List<LoadResult> results = new ArrayList<>();
      Duration warmup = Duration.ofSeconds(warmupSeconds);
      Duration measured = Duration.ofSeconds(seconds);
      if (rate != null) {
        results.add(
            new OpenLoopDriver(warmup, measured)
                .run(String.format("%,.0f/s", rate), sendMessage, rate));
      } else {
        ClosedLoopDriver driver = new ClosedLoopDriver(warmup, measured);
        for (int callers : concurrency) {
          results.add(driver.run(Integer.toString(callers), sendMessage, callers));
        }
      }
      return results;
    } finally {
      channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
      emulator.stop();
      if (handlers != null) {
        handlers.shutdownNow();
      }
    }
  }

  private static Metadata bearer(String token) {
    Metadata headers = new Metadata();
    headers.put(
        Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER), "Bearer " + token);
    return headers;
  }

  private static String randomSecret() {
    byte[] bytes = new byte[48];
    new SecureRandom().nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
