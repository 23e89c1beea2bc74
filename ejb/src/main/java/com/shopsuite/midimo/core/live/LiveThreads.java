package com.shopsuite.midimo.core.live;

import static com.shopsuite.midimo.client.Arguments.requireId;

import com.shopsuite.midimo.chat.ChatService;
import com.shopsuite.midimo.chat.ThreadEventListener;
import com.shopsuite.midimo.chat.ThreadEventService;
import com.shopsuite.midimo.chat.ThreadEventSubscription;
import com.shopsuite.midimo.core.connection.MidimoChatChannels;
import com.shopsuite.midimo.error.MidimoChatException;
import com.shopsuite.midimo.error.ServiceUnavailableException;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.EJB;
import jakarta.ejb.Local;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The node's live thread events: one upstream stream per watched thread ({@link UpstreamThread}),
 * shared by its subscribers here, within the node's caps (midimo.chat.live.max-upstream-streams,
 * max-subscribers): past one, a subscription is refused at once with {@link
 * ServiceUnavailableException}, which the storefront API answers 503 with Retry-After.
 */
@Singleton
@Local(ThreadEventService.class)
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class LiveThreads implements ThreadEventService {

  static final Duration RETRY_AFTER = Duration.ofSeconds(5);

  @EJB MidimoChatChannels channels;

  @EJB ChatService chat;

  @Resource ManagedScheduledExecutorService scheduler;

  @Inject LiveSettings settings;

  @Inject LiveMetrics metrics;

  // Added under its lock (the cap is checked, then the stream opened); removed and read without it,
  // since a closing stream calls back holding its own lock, which attach takes inside this one.
  private final Map<String, UpstreamThread> threads = new ConcurrentHashMap<>();
  private final AtomicInteger subscribers = new AtomicInteger();
  private UpstreamThread.Node node;

  @PostConstruct
  void start() {
    node =
        new UpstreamThread.Node(
            (threadId, listener) -> channels.client().streamThreadEvents(threadId, listener),
            chat::getThreadMessages,
            scheduler,
            settings,
            metrics);
    metrics.gauges(this::upstreamStreams, subscribers::get);
  }

  @Override
  public ThreadEventSubscription subscribe(
      String threadId, String lastEventId, ThreadEventListener listener) {
    requireId("threadId", threadId);
    if (lastEventId != null) {
      requireId("lastEventId", lastEventId);
    }
    if (subscribers.incrementAndGet() > settings.maxSubscribers()) {
      subscribers.decrementAndGet();
      metrics.refused("subscribers");
      throw new ServiceUnavailableException(
          "this node serves " + settings.maxSubscribers() + " live subscribers, its most",
          RETRY_AFTER,
          null);
    }
    Subscriber subscriber =
        new Subscriber(threadId, listener, lastEventId != null, this::unsubscribed);
    try {
      attach(threadId, subscriber);
    } catch (RuntimeException e) {
      subscribers.decrementAndGet();
      throw e;
    }
    if (lastEventId != null) {
      metrics.resumed();
      // Read once the thread's stream is subscribed: what is posted after the read comes live.
      subscriber.upstream().whenSubscribed(() -> resume(subscriber, threadId, lastEventId));
    }
    return subscriber;
  }

  private void attach(String threadId, Subscriber subscriber) {
    synchronized (threads) {
      UpstreamThread upstream = threads.get(threadId);
      if (upstream != null && upstream.add(subscriber)) {
        return;
      }
      if (threads.size() >= settings.maxUpstreamStreams()) {
        metrics.refused("upstream-streams");
        throw new ServiceUnavailableException(
            "this node carries "
                + settings.maxUpstreamStreams()
                + " event streams to Midimo Chat, its most",
            RETRY_AFTER,
            null);
      }
      upstream = new UpstreamThread(threadId, node, this::closed);
      try {
        upstream.open();
      } catch (ServiceUnavailableException e) {
        metrics.refused("upstream-streams");
        throw e;
      }
      upstream.add(subscriber);
      threads.put(threadId, upstream);
    }
  }

  private void resume(Subscriber subscriber, String threadId, String lastEventId) {
    try {
      subscriber.resumed(
          History.since(
              chat::getThreadMessages, threadId, lastEventId, null, settings.historyPages()));
    } catch (MidimoChatException e) {
      subscriber.fail(e);
    }
  }

  private void unsubscribed(Subscriber subscriber) {
    subscribers.decrementAndGet();
    UpstreamThread upstream = subscriber.upstream();
    if (upstream != null) {
      upstream.remove(subscriber);
    }
  }

  private void closed(UpstreamThread upstream) {
    threads.remove(upstream.threadId(), upstream);
  }

  private int upstreamStreams() {
    return threads.size();
  }

  @PreDestroy
  void stop() {
    List.copyOf(threads.values()).forEach(UpstreamThread::closeAll);
  }
}
