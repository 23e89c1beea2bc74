package com.shopsuite.midimo.benchmarks.resilience;

import com.shopsuite.midimo.benchmarks.fullpath.SupportThreads;
import com.shopsuite.midimo.benchmarks.suite.ServerSession;
import io.grpc.ManagedChannel;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.HdrHistogram.Histogram;

/** 6. The circuit breaker in an outage: how soon it opens, how fast it fails while open. */
final class CircuitBreakerScenario implements Scenario {
  static final int CALLS_WHILE_OPEN = 200;
  static final int MAX_CALLS_TO_OPEN = 10;
  static final long MAX_OPEN_P99_MICROS = 20_000;
  static final String RPC = "ChatService/GetThreadMessages";

  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @Override
  public String id() {
    return "circuit-breaker";
  }

  @Override
  public String title() {
    return "6. The circuit breaker in an outage";
  }

  @Override
  public String setup() {
    return "A storefront caller reads a thread's messages (GET /threads/{id}/messages), one request"
        + " after another, while Midimo Chat is down (the emulator's outage): the requests, and the"
        + " calls Midimo Chat received (the fault-tolerance policy retries twice), until a request"
        + " is refused without any call reaching Midimo Chat: the circuit is open. Then "
        + CALLS_WHILE_OPEN
        + " requests while it is open, timed; then Midimo Chat comes back and the time until"
        + " the first 200 is measured.";
  }

  @Override
  public String passRule() {
    return "open within "
        + MAX_CALLS_TO_OPEN
        + " requests; while open, no call reaches Midimo Chat, p99 under 20 ms, every answer a 503"
        + " with Retry-After";
  }

  @Override
  public ScenarioResult run(ResilienceRun run) throws Exception {
    ServerSession session = run.start(id());
    ManagedChannel channel = run.emulatorChannel(session);
    try {
      EmulatorFaults faults = new EmulatorFaults(channel);
      URI api = session.server().api();
      String token = session.storefrontToken();
      String threadId =
          SupportThreads.open(HTTP, api, token, "resilience_customer", "resilience_order");
      URI messages = URI.create(api + "/threads/" + threadId + "/messages?limit=1");
      for (int i = 0; i < 200; i++) {
        send(messages, token);
      }

      faults.outage(true);
      List<String> failing = new ArrayList<>();
      int calls = 0;
      long upstreamBefore = faults.calls(RPC);
      long outageStart = System.nanoTime();
      long openedAfter = -1;
      String openRetryAfter = "-";
      while (calls < 100) {
        long upstream = faults.calls(RPC);
        HttpResponse<String> answer = send(messages, token);
        calls++;
        if (answer.statusCode() == 503 && faults.calls(RPC) == upstream) {
          openedAfter = System.nanoTime() - outageStart;
          openRetryAfter = answer.headers().firstValue("Retry-After").orElse("none");
          break;
        }
        failing.add(
            answer.statusCode()
                + " (Retry-After "
                + answer.headers().firstValue("Retry-After").orElse("none")
                + ")");
      }
      long upstreamCalls = faults.calls(RPC) - upstreamBefore;
      run.log("%s: open after %d requests, %d calls (%s)", id(), calls, upstreamCalls, failing);
      Histogram open = new Histogram(60_000_000_000L, 3);
      int withRetryAfter = 0;
      int notOpen = 0;
      long upstreamWhileOpen = faults.calls(RPC);
      for (int i = 0; i < CALLS_WHILE_OPEN; i++) {
        long start = System.nanoTime();
        HttpResponse<String> answer = send(messages, token);
        open.recordValue((System.nanoTime() - start) / 1_000);
        if (answer.statusCode() != 503) {
          notOpen++;
        }
        if (answer.headers().firstValue("Retry-After").isPresent()) {
          withRetryAfter++;
        }
      }
      upstreamWhileOpen = faults.calls(RPC) - upstreamWhileOpen;
      faults.outage(false);
      long back = System.nanoTime();
      long firstSuccess = -1;
      while (System.nanoTime() - back < Duration.ofMinutes(1).toNanos()) {
        if (send(messages, token).statusCode() == 200) {
          firstSuccess = System.nanoTime() - back;
          break;
        }
        Thread.sleep(100);
      }
      long p50 = open.getValueAtPercentile(50);
      long p99 = open.getValueAtPercentile(99);
      boolean passed =
          openedAfter >= 0
              && calls <= MAX_CALLS_TO_OPEN
              && p99 < MAX_OPEN_P99_MICROS
              && notOpen == 0
              && upstreamWhileOpen == 0
              && withRetryAfter == CALLS_WHILE_OPEN;
      Table table =
          new Table()
              .row(
                  "requests until the circuit was open",
                  calls + (openedAfter < 0 ? " (never opened)" : ""))
              .row("calls Midimo Chat received meanwhile", upstreamCalls)
              .row("answers before it opened", String.join(", ", failing))
              .row("the first refusal's Retry-After", openRetryAfter + " s")
              .row(
                  "time from the outage's start until open",
                  OrderRun.seconds(Math.max(0, openedAfter)))
              .row(
                  "requests while open",
                  CALLS_WHILE_OPEN
                      + ": "
                      + notOpen
                      + " not answered 503; calls reaching Midimo Chat: "
                      + upstreamWhileOpen)
              .row(
                  "**p50 / p99 / max while open**",
                  String.format(
                      Locale.ROOT,
                      "%.2f / %.2f / %.2f ms",
                      p50 / 1e3,
                      p99 / 1e3,
                      open.getMaxValue() / 1e3))
              .row("answers with Retry-After", withRetryAfter + " of " + CALLS_WHILE_OPEN)
              .row(
                  "first 200 after Midimo Chat came back",
                  firstSuccess < 0 ? "none within a minute" : OrderRun.seconds(firstSuccess));
      return new ScenarioResult(
          passed,
          String.format(
              Locale.ROOT,
              "open after %d requests (%d calls to Midimo Chat, %s); while open p50 %.2f ms,"
                  + " p99 %.2f ms",
              calls,
              upstreamCalls,
              OrderRun.seconds(Math.max(0, openedAfter)),
              p50 / 1e3,
              p99 / 1e3),
          List.of(table.toString()));
    } finally {
      channel.shutdownNow();
      run.stop(session);
    }
  }

  private static HttpResponse<String> send(URI uri, String token) throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(uri)
            .header("Authorization", "Bearer " + token)
            .timeout(Duration.ofSeconds(30))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
