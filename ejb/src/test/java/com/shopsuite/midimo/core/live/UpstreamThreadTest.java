package com.shopsuite.midimo.core.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.shopsuite.midimo.chat.ChatMessage;
import com.shopsuite.midimo.chat.ThreadEvent;
import com.shopsuite.midimo.chat.ThreadEventListener;
import com.shopsuite.midimo.chat.ThreadEventSubscription;
import com.shopsuite.midimo.error.MidimoChatException;
import com.shopsuite.midimo.error.ResourceNotFoundException;
import com.shopsuite.midimo.error.ServiceUnavailableException;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class UpstreamThreadTest {

  private final HistoryTest.Thread history = new HistoryTest.Thread(0);
  private final List<Upstream> opened = new CopyOnWriteArrayList<>();
  private final ScheduledThreadPoolExecutor scheduler = new ScheduledThreadPoolExecutor(2);
  private final AtomicBoolean closed = new AtomicBoolean();
  private final LiveMetrics metrics = new LiveMetrics();
  private final UpstreamThread upstream;

  /** One stream opened to "Midimo Chat": the test plays its events. */
  static final class Upstream implements ThreadEventSubscription {
    final ThreadEventListener listener;
    volatile boolean cancelled;

    Upstream(ThreadEventListener listener) {
      this.listener = listener;
    }

    @Override
    public void close() {
      cancelled = true;
    }
  }

  /** What one subscriber got. */
  static final class Received implements ThreadEventListener {
    final List<ThreadEvent> events = new CopyOnWriteArrayList<>();
    volatile MidimoChatException failure;

    @Override
    public void onEvent(ThreadEvent event) {
      events.add(event);
    }

    @Override
    public void onError(MidimoChatException failure) {
      this.failure = failure;
    }

    @Override
    public void onCompleted() {}

    List<String> messageIds() {
      return events.stream()
          .filter(ThreadEvent.MessagePosted.class::isInstance)
          .map(event -> ((ThreadEvent.MessagePosted) event).message().id())
          .toList();
    }
  }

  UpstreamThreadTest() {
    metrics.registry = new SimpleMeterRegistry();
    metrics.register();
    LiveSettings settings = new LiveSettings();
    settings.linger = Duration.ofMillis(50);
    settings.reconnectInitial = Duration.ofMillis(10);
    settings.reconnectMax = Duration.ofMillis(100);
    settings.historyPages = 10;
    settings.subscribedWait = Duration.ofMillis(20);
    upstream =
        new UpstreamThread(
            "th",
            new UpstreamThread.Node(
                (threadId, listener) -> {
                  Upstream stream = new Upstream(listener);
                  opened.add(stream);
                  return stream;
                },
                history,
                scheduler,
                settings,
                metrics),
            ended -> closed.set(true));
  }

  @AfterEach
  void stop() {
    scheduler.shutdownNow();
  }

  private Received subscribe() {
    Received received = new Received();
    Subscriber subscriber = new Subscriber("th", received, false, upstream::remove);
    assertThat(upstream.add(subscriber)).isTrue();
    return received;
  }

  /** A message posted in "Midimo Chat": in its history, and on the stream now open. */
  private void post(String id) {
    history.add(id);
    ChatMessage message = history.messages.get(history.messages.size() - 1);
    opened
        .get(opened.size() - 1)
        .listener
        .onEvent(new ThreadEvent.MessagePosted("th", Instant.now(), message));
  }

  @Test
  void everySubscriberOfTheThread_sharesOneStream_andGetsEveryMessage() {
    upstream.open();
    Received first = subscribe();
    Received second = subscribe();

    post("m1");
    post("m2");

    assertThat(opened).hasSize(1);
    assertThat(first.messageIds()).containsExactly("m1", "m2");
    assertThat(second.messageIds()).containsExactly("m1", "m2");
  }

  @Test
  void theStream_closesALingerAfterTheLastSubscriberLeft() {
    upstream.open();
    Subscriber only = new Subscriber("th", new Received(), false, upstream::remove);
    upstream.add(only);

    only.close();

    await().atMost(Duration.ofSeconds(5)).untilTrue(closed);
    assertThat(opened.get(0).cancelled).isTrue();
    assertThat(upstream.add(new Subscriber("th", new Received(), false, s -> {}))).isFalse();
  }

  @Test
  void aBrokenStream_isOpenedAgain_andWhatWasPostedMeanwhileArrivesOnce_inOrder() {
    upstream.open();
    Received received = subscribe();
    post("m1");

    opened.get(0).listener.onError(new ServiceUnavailableException("Midimo Chat restarted", null));
    // Posted while no stream is open: only the history has them.
    history.add("m2");
    history.add("m3");

    await().atMost(Duration.ofSeconds(5)).until(() -> opened.size() == 2);
    post("m4");
    await().atMost(Duration.ofSeconds(5)).until(() -> received.messageIds().size() == 4);
    // The new stream may also deliver what the history replayed: it is not delivered twice.
    opened
        .get(1)
        .listener
        .onEvent(new ThreadEvent.MessagePosted("th", Instant.now(), history.messages.get(2)));
    post("m5");

    assertThat(received.messageIds()).containsExactly("m1", "m2", "m3", "m4", "m5");
    assertThat(metrics.registry.counter("midimo.live.gap.fills").count()).isEqualTo(1);
  }

  @Test
  void aStreamEndedByMidimoChat_isOpenedAgain_withoutLosingAMessage() {
    upstream.open();
    Received received = subscribe();
    post("m1");

    opened.get(0).listener.onCompleted();
    history.add("m2");

    await().atMost(Duration.ofSeconds(5)).until(() -> received.messageIds().size() == 2);
    assertThat(received.messageIds()).containsExactly("m1", "m2");
    assertThat(opened).hasSize(2);
  }

  @Test
  void aThreadThatIsGone_failsItsSubscribers_andIsNotOpenedAgain() {
    upstream.open();
    Received received = subscribe();

    opened.get(0).listener.onError(new ResourceNotFoundException("thread 'th' not found", null));

    assertThat(received.failure).isInstanceOf(ResourceNotFoundException.class);
    assertThat(closed).isTrue();
    assertThat(opened).hasSize(1);
  }

  @Test
  void aSubscriberResumingFromALastEventId_getsWhatItMissed_thenTheLiveEvents_eachOnce() {
    upstream.open();
    history.add("m1");
    history.add("m2");
    history.add("m3");
    Received received = new Received();
    Subscriber resuming = new Subscriber("th", received, true, upstream::remove);
    upstream.add(resuming);

    post("m4");
    resuming.resumed(History.since(history, "th", "m1", null, 10));
    post("m5");

    assertThat(received.messageIds()).containsExactly("m2", "m3", "m4", "m5");
  }
}
