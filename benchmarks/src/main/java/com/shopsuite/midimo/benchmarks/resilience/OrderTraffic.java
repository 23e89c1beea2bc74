package com.shopsuite.midimo.benchmarks.resilience;

import com.shopsuite.orders.OrderEventMessage;
import com.shopsuite.orders.OrderEventPublisher;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Order events as the order system publishes them, from remote producers (the order-event sender's
 * publisher, over WildFly's HTTP port): {@code orders} orders with {@code statuses} status changes
 * each, every order published by one producer in order, every event possibly sent twice (a
 * producer's retry), and malformed bodies mixed in.
 *
 * @param prefix of every order and event id, so runs on one server do not mix
 * @param twice whether each event is sent a second time right after the first
 * @param malformed bodies that are no order event at all, in the order's group of some order
 */
public record OrderTraffic(
    String prefix, int orders, int statuses, boolean twice, int malformed, int producers) {

  static String orderId(String prefix, int order) {
    return prefix + "-order-" + order;
  }

  static String customerId(String prefix, int order) {
    return prefix + "-customer-" + order;
  }

  static String status(int status) {
    return String.format(Locale.ROOT, "S%02d", status);
  }

  static String eventId(String prefix, int order, int status) {
    return prefix + "-evt-" + order + "-" + status;
  }

  public int events() {
    return orders * statuses;
  }

  /** Messages on the queue: every event once or twice, plus the malformed ones. */
  public int messages() {
    return events() * (twice ? 2 : 1) + malformed;
  }

  /**
   * Publishes in the background to WildFly's embedded broker (over its HTTP port); {@code sent}
   * counts the messages as they go.
   */
  CompletableFuture<Void> publish(
      String host, int port, String user, String password, AtomicLong sent) {
    return publish(() -> OrderEventPublisher.connect(host, port, user, password), sent);
  }

  /**
   * Publishes in the background, each producer on its own connection from {@code connect} (e.g. to
   * a standalone broker), again after a failed send; {@code sent} counts the messages as they go.
   */
  public CompletableFuture<Void> publish(Supplier<OrderEventPublisher> connect, AtomicLong sent) {
    ExecutorService pool = Executors.newFixedThreadPool(producers);
    List<Future<?>> done = new ArrayList<>();
    for (int p = 0; p < producers; p++) {
      int producer = p;
      done.add(pool.submit(() -> produce(producer, connect, sent)));
    }
    pool.shutdown();
    return CompletableFuture.runAsync(
        () -> {
          try {
            for (Future<?> future : done) {
              future.get();
            }
          } catch (Exception e) {
            throw new IllegalStateException("publishing failed", e);
          }
        });
  }

  private Void produce(int producer, Supplier<OrderEventPublisher> connect, AtomicLong sent) {
    int malformedHere = producer == 0 ? malformed : 0;
    int everyNth = Math.max(1, events() / producers / Math.max(1, malformedHere));
    int published = 0;
    int malformedSent = 0;
    try (Producer publisher = new Producer(connect)) {
      for (int status = 0; status < statuses; status++) {
        for (int order = producer; order < orders; order += producers) {
          OrderEventMessage event =
              new OrderEventMessage(
                  eventId(prefix, order, status),
                  orderId(prefix, order),
                  customerId(prefix, order),
                  status(status),
                  null,
                  null,
                  Instant.now());
          publisher.send(p -> p.publish(event));
          sent.incrementAndGet();
          if (twice) {
            publisher.send(p -> p.publish(event));
            sent.incrementAndGet();
          }
          published++;
          if (malformedSent < malformedHere && published % everyNth == 0) {
            // No JSON, in an order's group: it must block nothing.
            String body = "not an order event #" + malformedSent;
            String group = orderId(prefix, order);
            publisher.send(p -> p.publishRaw(body, group));
            malformedSent++;
            sent.incrementAndGet();
          }
        }
      }
      for (; malformedSent < malformedHere; malformedSent++) {
        String body = "not an order event #" + malformedSent;
        publisher.send(p -> p.publishRaw(body, orderId(prefix, 0)));
        sent.incrementAndGet();
      }
    }
    return null;
  }

  /**
   * A producer as the order system runs one: a send that fails (the server went away) is sent again
   * on a new connection until it is accepted, so an event may arrive twice, never not at all.
   */
  private static final class Producer implements AutoCloseable {
    private static final Duration GIVE_UP = Duration.ofMinutes(10);

    private final Supplier<OrderEventPublisher> connect;
    private OrderEventPublisher publisher;

    Producer(Supplier<OrderEventPublisher> connect) {
      this.connect = connect;
    }

    void send(Consumer<OrderEventPublisher> send) {
      long deadline = System.nanoTime() + GIVE_UP.toNanos();
      while (true) {
        try {
          if (publisher == null) {
            publisher = connect.get();
          }
          send.accept(publisher);
          return;
        } catch (RuntimeException e) {
          if (System.nanoTime() > deadline) {
            throw e;
          }
          close();
          try {
            Thread.sleep(1_000);
          } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw e;
          }
        }
      }
    }

    @Override
    public void close() {
      if (publisher != null) {
        try {
          publisher.close();
        } catch (RuntimeException e) {
          // the connection is gone already
        }
        publisher = null;
      }
    }
  }
}
