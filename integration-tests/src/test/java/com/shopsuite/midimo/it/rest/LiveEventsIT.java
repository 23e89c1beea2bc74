package com.shopsuite.midimo.it.rest;

import static com.shopsuite.midimo.it.rest.Storefront.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.shopsuite.midimo.it.Deployments;
import com.shopsuite.midimo.it.Emulator;
import com.shopsuite.midimo.it.Management;
import com.shopsuite.midimo.it.RunningSystem;
import io.grpc.Status;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Live events at scale, on the emulator as strict as a real gRPC server (at most 100 streams per
 * connection): one upstream stream per watched thread however many watch it, calls unaffected by
 * hundreds of streams, slow readers cut off with bounded memory, resume with Last-Event-ID, and
 * upstream breaks that lose and double nothing.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class LiveEventsIT {

  private static final Duration DEADLINE = Duration.ofSeconds(60);

  @Deployment(testable = false)
  static EnterpriseArchive deployment() {
    return Deployments.application();
  }

  private final List<EventStream> streams = new ArrayList<>();

  @BeforeEach
  void emptyMidimoChat() {
    Emulator.reset();
  }

  @AfterEach
  void closeStreams() {
    streams.forEach(EventStream::close);
    // Every upstream stream closes a linger after its last subscriber: the next test starts clean.
    await()
        .atMost(DEADLINE)
        .untilAsserted(
            () ->
                assertThat(Emulator.stats().getStreamSubscribersByThreadMap())
                    .as("upstream streams left open a linger after their watchers left")
                    .isEmpty());
    Emulator.clearFaults();
  }

  private EventStream watch(String threadId, String... headers) {
    EventStream stream = EventStream.open(threadId, headers);
    streams.add(stream);
    assertThat(stream.status).isEqualTo(200);
    return stream;
  }

  private static String thread(int order) {
    return Storefront.post(
            "/support-threads", json("customer_id", "cust_live", "order_id", "order_live_" + order))
        .json()
        .getString("thread_id");
  }

  private static String post(String threadId, String content) {
    Storefront.Reply reply =
        Storefront.post(
            "/threads/" + threadId + "/messages", json("user_id", "cust_live", "content", content));
    assertThat(reply.status()).as(reply.body()).isEqualTo(201);
    return reply.json().getString("message_id");
  }

  private static List<String> ids(EventStream stream) {
    return stream.named("message_created").stream().map(EventStream.Event::id).toList();
  }

  @Test
  void
      fiveHundredWatchersOfFiveThreads_shareFiveUpstreamStreams_andEachGetsEveryMessageOnceInOrder()
          throws Exception {
    List<String> threads = IntStream.range(0, 5).mapToObj(LiveEventsIT::thread).toList();
    ExecutorService openers = Executors.newFixedThreadPool(16);
    try {
      List<Future<EventStream>> opening = new ArrayList<>();
      for (int i = 0; i < 500; i++) {
        String threadId = threads.get(i % 5);
        opening.add(openers.submit(() -> EventStream.open(threadId)));
      }
      for (Future<EventStream> stream : opening) {
        streams.add(stream.get());
      }
    } finally {
      openers.shutdownNow();
    }
    assertThat(streams).allSatisfy(stream -> assertThat(stream.status).isEqualTo(200));
    await().atMost(DEADLINE).until(() -> metric("midimo_live_subscribers") >= 500);

    assertThat(Emulator.stats().getStreamSubscribers()).isEqualTo(5);
    threads.forEach(threadId -> assertThat(Emulator.streamsOf(threadId)).isOne());

    List<List<String>> posted = new ArrayList<>();
    for (String threadId : threads) {
      List<String> ids = new ArrayList<>();
      for (int m = 0; m < 10; m++) {
        ids.add(post(threadId, "message " + m));
      }
      posted.add(ids);
    }

    for (int i = 0; i < streams.size(); i++) {
      EventStream stream = streams.get(i);
      List<String> expected = posted.get(i % 5);
      await().atMost(DEADLINE).until(() -> ids(stream).size() >= expected.size());
      assertThat(ids(stream)).containsExactlyElementsOf(expected);
    }
  }

  @Test
  void threeHundredWatchedThreads_onAServerOf100StreamsPerConnection_leaveTheCallsWorking() {
    List<String> threads = IntStream.range(0, 300).mapToObj(LiveEventsIT::thread).toList();
    threads.forEach(this::watch);
    await()
        .atMost(DEADLINE)
        .untilAsserted(
            () ->
                assertThat(Emulator.stats().getStreamSubscribers())
                    .as("streams Midimo Chat carries for 300 watched threads")
                    .isEqualTo(300));

    // Past 300 streams, on 100 per connection: calls are on connections of their own.
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      ids.add(post(threads.get(i * 15), "still answered " + i));
    }
    assertThat(Management.get("/health/ready").statusCode()).isEqualTo(200);
    assertThat(RunningSystem.MAX_STREAMS_PER_CONNECTION).isEqualTo(100);
    EventStream lastWatched = streams.get(285);
    await().atMost(DEADLINE).until(() -> ids(lastWatched).contains(ids.get(19)));
  }

  @Test
  void aWatcherThatNeverReads_isDisconnected_andWhatItHoldsStaysBounded() throws Exception {
    String threadId = thread(1);
    long slowBefore = metric("midimo_live_slow_readers_total");
    try (Socket silent = new Socket()) {
      // A small window, and nothing read from it.
      silent.setReceiveBufferSize(4096);
      silent.connect(new java.net.InetSocketAddress("localhost", Storefront.SERVER.getPort()));
      OutputStream out = silent.getOutputStream();
      out.write(
          ("GET /chat/api/v1/threads/"
                  + threadId
                  + "/events HTTP/1.1\r\nHost: localhost\r\n"
                  + "Authorization: Bearer "
                  + Tokens.storefront()
                  + "\r\n"
                  + "Accept: text/event-stream\r\n\r\n")
              .getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      await().atMost(DEADLINE).until(() -> Emulator.streamsOf(threadId) == 1);

      String content = "x".repeat(3_900);
      long maxBuffered = 0;
      ExecutorService posters = Executors.newFixedThreadPool(8);
      try {
        for (int batch = 0;
            batch < 30 && metric("midimo_live_slow_readers_total") == slowBefore;
            batch++) {
          List<Future<String>> posts = new ArrayList<>();
          for (int i = 0; i < 100; i++) {
            posts.add(posters.submit(() -> post(threadId, content)));
          }
          for (Future<String> post : posts) {
            post.get();
          }
          maxBuffered = Math.max(maxBuffered, metric("midimo_live_buffered_events"));
        }
      } finally {
        posters.shutdownNow();
      }

      assertThat(metric("midimo_live_slow_readers_total")).isEqualTo(slowBefore + 1);
      assertThat(maxBuffered).as("events buffered for the silent watcher").isLessThanOrEqualTo(64);
      assertThat(metric("midimo_live_buffered_events")).isZero();
      // Its subscription is over: the thread's upstream stream closes with its only subscriber.
      await().atMost(DEADLINE).until(() -> Emulator.streamsOf(threadId) == 0);
      silent.setSoTimeout(30_000);
      assertClosedByTheServer(silent.getInputStream());
    }
  }

  @Test
  void aReconnectWithLastEventId_getsExactlyTheMessagesPostedWhileAway_thenTheLiveOnes() {
    String threadId = thread(2);
    EventStream first = watch(threadId);
    await().atMost(DEADLINE).until(() -> Emulator.streamsOf(threadId) == 1);
    String seen = post(threadId, "seen");
    await().atMost(DEADLINE).until(() -> ids(first).contains(seen));
    first.close();

    List<String> missed = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      missed.add(post(threadId, "while away " + i));
    }
    EventStream back = watch(threadId, "Last-Event-ID", seen);
    await().atMost(DEADLINE).until(() -> ids(back).size() >= 50);
    String live = post(threadId, "live again");

    await().atMost(DEADLINE).until(() -> ids(back).contains(live));
    List<String> expected = new ArrayList<>(missed);
    expected.add(live);
    assertThat(ids(back)).containsExactlyElementsOf(expected);
    assertThat(back.named("stream_open")).hasSize(1);
  }

  @Test
  void aLastEventIdTheThreadDoesNotHave_isAHistoryGap_thenTheLiveEvents() {
    String threadId = thread(3);
    post(threadId, "before");

    EventStream stream = watch(threadId, "Last-Event-ID", "msg_not_in_this_thread");
    await().atMost(DEADLINE).until(() -> !stream.named("history_gap").isEmpty());
    String live = post(threadId, "after");

    await().atMost(DEADLINE).until(() -> ids(stream).contains(live));
    assertThat(ids(stream)).containsExactly(live);
  }

  @Test
  void upstreamBreaksWhileMessagesArePosted_loseAndDoubleNothing() throws Exception {
    String threadId = thread(4);
    EventStream stream = watch(threadId);
    await().atMost(DEADLINE).until(() -> Emulator.streamsOf(threadId) == 1);
    long fillsBefore = metric("midimo_live_gap_fills_total");

    List<String> posted = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      posted.add(post(threadId, "through the breaks " + i));
      if (i % 25 == 10) {
        Emulator.endStreams(threadId, Status.Code.UNAVAILABLE);
      }
    }

    await().atMost(DEADLINE).until(() -> ids(stream).size() >= 100);
    assertThat(ids(stream)).containsExactlyElementsOf(posted);
    assertThat(metric("midimo_live_gap_fills_total")).isGreaterThan(fillsBefore);
  }

  @Test
  void theFirstEvent_tellsTheBrowserWhenToReconnect() throws IOException {
    String threadId = thread(5);
    try (Socket browser = new Socket("localhost", Storefront.SERVER.getPort())) {
      browser.setSoTimeout(10_000);
      browser
          .getOutputStream()
          .write(
              ("GET /chat/api/v1/threads/"
                      + threadId
                      + "/events HTTP/1.1\r\nHost: localhost\r\n"
                      + "Authorization: Bearer "
                      + Tokens.storefront()
                      + "\r\n\r\n")
                  .getBytes(StandardCharsets.ISO_8859_1));
      String head = readUntil(browser.getInputStream(), "retry:");
      assertThat(head)
          .contains("event: stream_open\nretry: 2000\ndata: {\"thread_id\":\"" + threadId + "\"}");
    }
  }

  private static String readUntil(InputStream in, String marker) throws IOException {
    StringBuilder read = new StringBuilder();
    byte[] buffer = new byte[1024];
    // The first event comes first: a few kilobytes at most, however many heartbeats follow.
    while ((!read.toString().contains(marker) || read.indexOf("\n\n", read.indexOf(marker)) < 0)
        && read.length() < 16_384) {
      int n = in.read(buffer);
      if (n < 0) {
        break;
      }
      read.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
    }
    return read.toString();
  }

  /** Reads what the kernel still holds, then expects the end of the stream. */
  private static void assertClosedByTheServer(InputStream in) throws IOException {
    byte[] buffer = new byte[65_536];
    try {
      while (in.read(buffer) >= 0) {
        // what was in flight before the server closed
      }
    } catch (java.net.SocketException reset) {
      // closed by the server, abruptly: as good
    }
  }

  /** A metric of the server's Prometheus endpoint (the sum of its series); 0 while absent. */
  static long metric(String name) {
    String metrics = Management.get("/metrics").body();
    Matcher value =
        Pattern.compile(
                "^" + Pattern.quote(name) + "(\\{[^}]*\\})? ([0-9.E+-]+)$", Pattern.MULTILINE)
            .matcher(metrics);
    double sum = 0;
    while (value.find()) {
      sum += Double.parseDouble(value.group(2));
    }
    return Math.round(sum);
  }
}
