package com.shopsuite.midimo.benchmarks.scaleout;

import com.shopsuite.midimo.launcher.WildFlyNode;
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
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A storefront that keeps asking nodes whether an agent is available ({@code GET
 * /agents/availability?agent_id=agent_1}, as a customer), a few times per second each, while a
 * scenario runs: any answer but 200, or none within the timeout, is a failure.
 */
final class StorefrontProbe implements AutoCloseable {

  /** Between two requests to one node: 4 per second. */
  static final Duration INTERVAL = Duration.ofMillis(250);

  private static final Duration TIMEOUT = Duration.ofSeconds(5);

  private final HttpClient http =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(TIMEOUT).build();
  private final ScheduledExecutorService schedule;
  private final Map<String, Counts> counts = new LinkedHashMap<>();

  /** What one node answered. */
  static final class Counts {
    final AtomicLong ok = new AtomicLong();
    final AtomicLong failed = new AtomicLong();
    final AtomicReference<String> firstFailure = new AtomicReference<>();

    long requests() {
      return ok.get() + failed.get();
    }
  }

  private StorefrontProbe(int nodes) {
    this.schedule = Executors.newScheduledThreadPool(nodes);
  }

  /** Starts asking each of {@code nodes} (their API as of now) with a customer's token. */
  static StorefrontProbe start(List<WildFlyNode> nodes, String token) {
    StorefrontProbe probe = new StorefrontProbe(nodes.size());
    for (WildFlyNode node : nodes) {
      Counts counts = new Counts();
      probe.counts.put(node.name(), counts);
      HttpRequest request =
          HttpRequest.newBuilder(URI.create(node.api() + "/agents/availability?agent_id=agent_1"))
              .timeout(TIMEOUT)
              .header("Authorization", "Bearer " + token)
              .GET()
              .build();
      probe.schedule.scheduleAtFixedRate(
          () -> probe.ask(request, counts), 0, INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
    }
    return probe;
  }

  private void ask(HttpRequest request, Counts counts) {
    String failure;
    try {
      HttpResponse<String> answer = http.send(request, HttpResponse.BodyHandlers.ofString());
      if (answer.statusCode() == 200) {
        counts.ok.incrementAndGet();
        return;
      }
      failure = answer.statusCode() + " " + answer.body();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return;
    } catch (Exception e) {
      failure = e.toString();
    }
    counts.failed.incrementAndGet();
    counts.firstFailure.compareAndSet(null, failure);
  }

  Counts counts(String node) {
    return counts.get(node);
  }

  long failed() {
    return counts.values().stream().mapToLong(c -> c.failed.get()).sum();
  }

  /** E.g. "node-1: 1,204 requests, 0 failed; node-2: ...". */
  String summary() {
    List<String> parts = new ArrayList<>();
    counts.forEach(
        (node, c) -> {
          String first = c.firstFailure.get();
          parts.add(
              String.format(
                  Locale.ROOT,
                  "%s: %,d requests, %,d failed%s",
                  node,
                  c.requests(),
                  c.failed.get(),
                  first == null ? "" : " (first: `" + abbreviate(first) + "`)"));
        });
    return String.join("; ", parts);
  }

  private static String abbreviate(String text) {
    String line = text.replaceAll("\\s+", " ").replace("|", "/").replace("`", "'");
    return line.length() > 120 ? line.substring(0, 120) + "…" : line;
  }

  /** Stops asking; the counts stay. */
  @Override
  public void close() throws InterruptedException {
    schedule.shutdownNow();
    schedule.awaitTermination(10, TimeUnit.SECONDS);
  }
}
