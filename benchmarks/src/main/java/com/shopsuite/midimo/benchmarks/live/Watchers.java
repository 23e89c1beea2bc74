package com.shopsuite.midimo.benchmarks.live;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.HdrHistogram.Recorder;

/**
 * Browsers watching threads: one Server-Sent Events stream each ({@code GET /threads/{id}/events},
 * HTTP/1.1, java.net.http's line subscriber, no thread per stream). Each {@code message_created}
 * whose content carries {@code sent=<nanoTime>} is timed from its post to its arrival here (same
 * JVM, same clock): the delivery latency.
 */
final class Watchers implements AutoCloseable {
  private static final Pattern SENT = Pattern.compile("sent=(\\d+)");

  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(10))
          .build();
  private final Recorder delivery = new Recorder(3);
  private final AtomicLong delivered = new AtomicLong();
  private final AtomicLong open = new AtomicLong();
  private final List<Flow.Subscription> subscriptions = new ArrayList<>();

  /**
   * Opens {@code perThread} streams on each thread; returns when every one answered 200 (its
   * headers arrived: the response future itself completes only when a stream's body ends).
   */
  void watch(URI api, String token, List<String> threadIds, int perThread) throws Exception {
    CountDownLatch answered = new CountDownLatch(threadIds.size() * perThread);
    AtomicLong refused = new AtomicLong();
    AtomicInteger refusal = new AtomicInteger();
    HttpResponse.BodyHandler<Void> lines =
        headers -> {
          if (headers.statusCode() != 200) {
            refused.incrementAndGet();
            refusal.set(headers.statusCode());
          }
          answered.countDown();
          return HttpResponse.BodySubscribers.fromLineSubscriber(new Lines());
        };
    for (String threadId : threadIds) {
      for (int i = 0; i < perThread; i++) {
        HttpRequest request =
            HttpRequest.newBuilder(URI.create(api + "/threads/" + threadId + "/events"))
                .header("Authorization", "Bearer " + token)
                .header("Accept", "text/event-stream")
                .build();
        http.sendAsync(request, lines)
            .exceptionally(
                failure -> {
                  refused.incrementAndGet();
                  answered.countDown();
                  return null;
                });
      }
    }
    if (!answered.await(60, TimeUnit.SECONDS)) {
      throw new IllegalStateException(
          answered.getCount() + " event streams did not answer within 60 s");
    }
    if (refused.get() > 0) {
      throw new IllegalStateException(
          refused.get() + " event streams failed (last status " + refusal.get() + ")");
    }
  }

  long open() {
    return open.get();
  }

  long delivered() {
    return delivered.get();
  }

  /** The delivery latencies since the last call, in microseconds. */
  org.HdrHistogram.Histogram takeDeliveries() {
    return delivery.getIntervalHistogram();
  }

  @Override
  public void close() {
    synchronized (subscriptions) {
      subscriptions.forEach(Flow.Subscription::cancel);
    }
  }

  /** One stream's lines. */
  private final class Lines implements Flow.Subscriber<String> {
    private boolean inMessage;

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
      synchronized (subscriptions) {
        subscriptions.add(subscription);
      }
      open.incrementAndGet();
      subscription.request(Long.MAX_VALUE);
    }

    @Override
    public void onNext(String line) {
      if (line.startsWith("event:")) {
        inMessage = line.contains("message_created");
      } else if (inMessage && line.startsWith("data:")) {
        Matcher sent = SENT.matcher(line);
        if (sent.find()) {
          long micros = (System.nanoTime() - Long.parseLong(sent.group(1))) / 1_000;
          delivery.recordValue(Math.max(0, micros));
          delivered.incrementAndGet();
        }
      } else if (line.isEmpty()) {
        inMessage = false;
      }
    }

    @Override
    public void onError(Throwable failure) {
      open.decrementAndGet();
    }

    @Override
    public void onComplete() {
      open.decrementAndGet();
    }
  }
}
