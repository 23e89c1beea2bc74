package com.shopsuite.midimo.benchmarks.fullpath;

import com.shopsuite.midimo.benchmarks.direct.DirectChat;
import com.shopsuite.midimo.benchmarks.load.AsyncCall;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The storefront's side of the full path: support threads created through the API (with {@code
 * java.net.http.HttpClient}), then the requests a storefront sends, through {@link NettyHttpDriver}
 * (HTTP/1.1, one kept-alive connection per request in flight). Any answer that is not 2xx is an
 * error.
 */
final class Storefront implements AutoCloseable {
  private static final Duration TIMEOUT = Duration.ofSeconds(10);

  /** The floor's API (benchmark-floor), beside the storefront API on the same server. */
  static final String FLOOR = "/floor/api";

  private final NettyHttpDriver http;
  private final List<FullHttpRequest> posts = new ArrayList<>();
  private final List<FullHttpRequest> reads = new ArrayList<>();
  private final List<FullHttpRequest> openFloor = new ArrayList<>();
  private final List<FullHttpRequest> verifiedFloor = new ArrayList<>();
  private final AtomicLong sequence = new AtomicLong();

  private Storefront(URI api, List<String> threadIds, int readLimit, String token) {
    this.http = new NettyHttpDriver(api);
    for (int i = 0; i < threadIds.size(); i++) {
      URI messages = URI.create(api + "/threads/" + threadIds.get(i) + "/messages");
      String body =
          "{\"user_id\":\"customer_" + i + "\",\"content\":\"" + DirectChat.CONTENT + "\"}";
      posts.add(authorized(http.postJson(messages, body), token));
      reads.add(authorized(http.get(URI.create(messages + "?limit=" + readLimit)), token));
      String floor = "/threads/" + threadIds.get(i) + "/messages";
      openFloor.add(http.postJson(api.resolve(FLOOR + "/open" + floor), body));
      verifiedFloor.add(
          authorized(http.postJson(api.resolve(FLOOR + "/verified" + floor), body), token));
    }
  }

  /** Every request carries the storefront's bearer token, which the server verifies. */
  private static FullHttpRequest authorized(FullHttpRequest request, String token) {
    request.headers().set(HttpHeaderNames.AUTHORIZATION, "Bearer " + token);
    return request;
  }

  /** Creates (or finds) the support thread of {@code threads} orders, one customer each. */
  /**
   * @param token a storefront token of the issuer the server trusts
   */
  static Storefront open(URI api, int threads, int readLimit, String token)
      throws IOException, InterruptedException {
    List<String> threadIds = new ArrayList<>();
    HttpClient setup =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(TIMEOUT)
            .build();
    for (int i = 0; i < threads; i++) {
      threadIds.add(SupportThreads.open(setup, api, token, "customer_" + i, "order_" + i));
    }
    return new Storefront(api, threadIds, readLimit, token);
  }

  /** {@code POST /threads/{id}/messages}, next thread round-robin. */
  AsyncCall postMessage() {
    return () -> http.send(posts.get(next()));
  }

  /** {@code GET /threads/{id}/messages?limit=N}, next thread round-robin. */
  AsyncCall getMessages() {
    return () -> http.send(reads.get(next()));
  }

  /**
   * The floor's {@code POST …/messages}: the same request to a resource that answers it without
   * calling Midimo Chat; {@code verified}: with the token, which the server then verifies, else
   * without one (nothing to verify).
   */
  AsyncCall floorPost(boolean verified) {
    List<FullHttpRequest> requests = verified ? verifiedFloor : openFloor;
    return () -> http.send(requests.get(next()));
  }

  /** Posts and reads, alternately: to warm a fresh server's both paths at once. */
  AsyncCall postsAndReads() {
    return () -> {
      long n = sequence.getAndIncrement();
      int thread = (int) Math.floorMod(n / 2, (long) posts.size());
      return http.send((n % 2 == 0 ? posts : reads).get(thread));
    };
  }

  private int next() {
    return (int) Math.floorMod(sequence.getAndIncrement(), (long) posts.size());
  }

  @Override
  public void close() {
    http.close();
  }
}
