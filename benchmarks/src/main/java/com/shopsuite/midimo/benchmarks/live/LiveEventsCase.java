package com.shopsuite.midimo.benchmarks.live;

import com.midimo.chat.emulator.v1.EmulatorControlGrpc;
import com.midimo.chat.emulator.v1.GetStatsRequest;
import com.shopsuite.midimo.benchmarks.fullpath.SupportThreads;
import com.shopsuite.midimo.benchmarks.load.AsyncCall;
import com.shopsuite.midimo.benchmarks.load.LoadResult;
import com.shopsuite.midimo.benchmarks.load.OpenLoopDriver;
import com.shopsuite.midimo.benchmarks.suite.BenchmarkCase;
import com.shopsuite.midimo.benchmarks.suite.CaseResult;
import com.shopsuite.midimo.benchmarks.suite.Measurement;
import com.shopsuite.midimo.benchmarks.suite.ResultTable;
import com.shopsuite.midimo.benchmarks.suite.ServerSession;
import com.shopsuite.midimo.benchmarks.suite.Suite;
import io.grpc.ManagedChannel;
import io.grpc.netty.NettyChannelBuilder;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.Histogram;

/**
 * Case 6: live events at scale. {@value #WATCHERS} watchers over {@value #THREADS} threads (Server-
 * Sent Events), while messages are posted at {@value #RATE}/s to the threads round-robin: the
 * delivery latency from each post to each watcher, and the post latency with the watchers and
 * without them, with WildFly's CPU and resident memory.
 */
public final class LiveEventsCase implements BenchmarkCase {
  public static final String ID = "live-events";

  public static final String POST_WITHOUT = "live/post/without";
  public static final String POST_WITH = "live/post/with";

  /** Figures the targets read. */
  public static final String DELIVERY_P50_MICROS = "live/delivery-p50-us";

  public static final String DELIVERY_P99_MICROS = "live/delivery-p99-us";
  public static final String DELIVERED = "live/delivered";
  public static final String EXPECTED = "live/expected";
  public static final String UPSTREAM_STREAMS = "live/upstream-streams";

  static final int THREADS = 200;
  static final int WATCHERS = 2_000;
  static final double RATE = 100;
  static final Duration WARMUP = Duration.ofSeconds(10);
  static final Duration MEASURED = Duration.ofSeconds(30);

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String title() {
    return "6. Live events: 2,000 watchers over 200 threads";
  }

  @Override
  public CaseResult run(Suite suite) throws Exception {
    ServerSession session = suite.startServer(ID, Map.of(), true);
    HttpClient http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
    ManagedChannel control =
        NettyChannelBuilder.forAddress("localhost", session.emulator().port())
            .usePlaintext()
            .build();
    try (Watchers watchers = new Watchers()) {
      URI api = session.server().api();
      String token = session.storefrontToken();
      List<String> threads = new ArrayList<>();
      for (int i = 0; i < THREADS; i++) {
        threads.add(SupportThreads.open(http, api, token, "customer_live", "order_live_" + i));
      }
      AtomicLong sequence = new AtomicLong();
      AsyncCall post =
          () -> {
            String threadId = threads.get((int) (sequence.getAndIncrement() % THREADS));
            return http.sendAsync(
                    HttpRequest.newBuilder(URI.create(api + "/threads/" + threadId + "/messages"))
                        .header("Authorization", "Bearer " + token)
                        .header("Content-Type", "application/json")
                        .POST(
                            HttpRequest.BodyPublishers.ofString(
                                "{\"user_id\":\"customer_live\",\"content\":\"sent="
                                    + System.nanoTime()
                                    + "\"}"))
                        .build(),
                    HttpResponse.BodyHandlers.discarding())
                .thenApply(
                    answer -> {
                      if (answer.statusCode() / 100 != 2) {
                        throw new IllegalStateException("POST answered " + answer.statusCode());
                      }
                      return answer;
                    });
          };
      suite.warmUp("posts", post, 16, session);

      suite.log("%s: posting at %.0f/s without watchers", ID, RATE);
      session.serverMemory().resetPeak();
      LoadResult without =
          new OpenLoopDriver(WARMUP, MEASURED, session.processes()).run("no watchers", post, RATE);
      long rssWithout = session.serverMemory().peakKb();

      suite.log("%s: opening %,d watchers on %d threads", ID, WATCHERS, THREADS);
      watchers.watch(api, token, threads, WATCHERS / THREADS);
      long upstream = awaitUpstreamStreams(EmulatorControlGrpc.newBlockingStub(control), THREADS);
      suite.log("  %d watchers open, %d upstream streams", watchers.open(), upstream);

      suite.log("%s: posting at %.0f/s with %,d watchers", ID, RATE, WATCHERS);
      session.serverMemory().resetPeak();
      long deliveredBefore = watchers.delivered();
      long postedBefore = sequence.get();
      watchers.takeDeliveries();
      LoadResult with =
          new OpenLoopDriver(WARMUP, MEASURED, session.processes())
              .run(String.format(Locale.ROOT, "%,d watchers", WATCHERS), post, RATE);
      // The last deliveries of the window arrive just after it: wait for every one (10 s at most).
      long expected = (sequence.get() - postedBefore) * (WATCHERS / THREADS);
      long until = System.nanoTime() + Duration.ofSeconds(10).toNanos();
      while (watchers.delivered() - deliveredBefore < expected && System.nanoTime() < until) {
        LockSupport.parkNanos(1_000_000);
      }
      Histogram delivery = watchers.takeDeliveries();
      long delivered = watchers.delivered() - deliveredBefore;
      long rssWith = session.serverMemory().peakKb();
      long posts = without.calls() + with.calls();
      suite.log(
          "  delivery p50 %.2f ms, p99 %.2f ms, max %.2f ms; %,d deliveries",
          delivery.getValueAtPercentile(50) / 1e3,
          delivery.getValueAtPercentile(99) / 1e3,
          delivery.getMaxValue() / 1e3,
          delivered);

      Map<String, Long> figures = new LinkedHashMap<>();
      figures.put(DELIVERY_P50_MICROS, delivery.getValueAtPercentile(50));
      figures.put(DELIVERY_P99_MICROS, delivery.getValueAtPercentile(99));
      figures.put(DELIVERED, delivered);
      figures.put(EXPECTED, expected);
      figures.put(UPSTREAM_STREAMS, upstream);
      String deliveries =
          String.format(
              Locale.ROOT,
              "Delivery, from the post's start to a watcher's receipt of its `message_created`"
                  + " (warm-up and recorded window, %,d deliveries of %,d expected, to %,d watchers): p50 **%.2f"
                  + " ms**, p90 %.2f ms, p99 **%.2f ms**, p99.9 %.2f ms, max %.2f ms. Midimo Chat"
                  + " carried %d streams for the %,d watchers (one per thread). WildFly's resident"
                  + " size peaked at %,d MB without watchers and %,d MB with them.",
              delivered,
              expected,
              watchers.open(),
              delivery.getValueAtPercentile(50) / 1e3,
              delivery.getValueAtPercentile(90) / 1e3,
              delivery.getValueAtPercentile(99) / 1e3,
              delivery.getValueAtPercentile(99.9) / 1e3,
              delivery.getMaxValue() / 1e3,
              upstream,
              WATCHERS,
              rssWithout / 1024,
              rssWith / 1024);
      return new CaseResult(
          ID,
          title(),
          String.format(
              Locale.ROOT,
              "A fresh emulator and WildFly as in case 3. %d support threads; posts (`POST"
                  + " …/messages`, java.net.http, open loop at %.0f/s, %d s unrecorded then %d s"
                  + " recorded, latency from each post's intended start) to the threads"
                  + " round-robin, first with nobody watching, then with %,d watchers (%d per"
                  + " thread, `GET …/events`, one HTTP/1.1 connection each, read by"
                  + " java.net.http's line subscriber). Each post's content carries the driver's"
                  + " clock, so each watcher times its delivery. %,d posts in all.",
              THREADS,
              RATE,
              WARMUP.toSeconds(),
              MEASURED.toSeconds(),
              WATCHERS,
              WATCHERS / THREADS,
              posts),
          List.of(
              new ResultTable(
                  "POST /chat/api/v1/threads/{id}/messages at "
                      + (int) RATE
                      + "/s, without and with the watchers",
                  List.of(
                      new Measurement(POST_WITHOUT, "no watchers", without, rssWithout),
                      new Measurement(POST_WITH, with.label(), with, rssWith)))),
          figures,
          List.of(deliveries));
    } finally {
      control.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
      suite.stop(session);
    }
  }

  private static long awaitUpstreamStreams(
      EmulatorControlGrpc.EmulatorControlBlockingStub control, int expected)
      throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
    long streams = 0;
    while (System.nanoTime() < deadline) {
      streams =
          control
              .withDeadlineAfter(10, TimeUnit.SECONDS)
              .getStats(GetStatsRequest.getDefaultInstance())
              .getStreamSubscribers();
      if (streams >= expected) {
        return streams;
      }
      Thread.sleep(100);
    }
    return streams;
  }
}
