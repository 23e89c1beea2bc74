package com.shopsuite.midimo.client;

import io.grpc.Channel;
import io.grpc.ChannelCredentials;
import io.grpc.ConnectivityState;
import io.grpc.InsecureChannelCredentials;
import io.grpc.ManagedChannel;
import io.grpc.TlsChannelCredentials;
import io.grpc.netty.NettyChannelBuilder;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.util.concurrent.GlobalEventExecutor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * N channels (each one HTTP/2 connection) to Midimo Chat, handed out round-robin. Connections are
 * made lazily, on the first call, so building a pool never fails because Midimo Chat is down.
 *
 * <p>The pool owns every thread its channels use (Netty event loop, callback executor) and stops
 * them in {@link #close}: inside an application server nothing may outlive the deployment, or the
 * threads would keep its class loader alive and fail once it is gone.
 */
public final class ChannelPool implements ChannelSource, AutoCloseable {

  private static final Logger LOG = Logger.getLogger(ChannelPool.class.getName());

  /** How long {@link #close()} waits for calls in flight before cancelling them. */
  public static final Duration DEFAULT_SHUTDOWN_GRACE = Duration.ofSeconds(5);

  private final List<ManagedChannel> channels;
  private final EventLoopGroup eventLoop;
  private final ExecutorService executor;
  private final AtomicInteger next = new AtomicInteger();

  private ChannelPool(
      List<ManagedChannel> channels, EventLoopGroup eventLoop, ExecutorService executor) {
    this.channels = List.copyOf(channels);
    this.eventLoop = eventLoop;
    this.executor = executor;
  }

  /** A pool of Netty channels to {@code settings.host():settings.port()}. */
  public static ChannelPool connect(ConnectionSettings settings) {
    int cores = Runtime.getRuntime().availableProcessors();
    EventLoopGroup eventLoop =
        new NioEventLoopGroup(
            Math.min(settings.poolSize(), 2 * cores), daemonThreads("midimo-chat-netty"));
    // Only streaming callbacks run here (blocking stubs run theirs on the calling thread).
    ThreadPoolExecutor executor = callbackExecutor(Math.max(2, cores), "midimo-chat-grpc");
    ChannelCredentials credentials = credentials(settings);
    List<ManagedChannel> channels = new ArrayList<>(settings.poolSize());
    for (int i = 0; i < settings.poolSize(); i++) {
      channels.add(newChannel(settings, credentials, eventLoop, executor));
    }
    return new ChannelPool(channels, eventLoop, executor);
  }

  /**
   * Channels for event streams only, apart from the pool's (see {@link StreamChannels}), with
   * threads of their own, which {@link StreamChannels#close()} stops.
   */
  public static StreamChannels connectStreams(
      ConnectionSettings settings, int streamsPerChannel, int maxChannels) {
    int cores = Runtime.getRuntime().availableProcessors();
    EventLoopGroup eventLoop =
        new NioEventLoopGroup(Math.min(maxChannels, cores), daemonThreads("midimo-chat-streams"));
    // Every event of every stream is handed to its listener here: at least two threads, so one
    // slow listener does not hold up the others.
    ThreadPoolExecutor executor = callbackExecutor(Math.max(2, cores), "midimo-chat-stream-events");
    ChannelCredentials credentials = credentials(settings);
    return new StreamChannels(
        () -> newChannel(settings, credentials, eventLoop, executor),
        () -> stop(eventLoop, executor),
        streamsPerChannel,
        maxChannels);
  }

  private static ManagedChannel newChannel(
      ConnectionSettings settings,
      ChannelCredentials credentials,
      EventLoopGroup eventLoop,
      ExecutorService executor) {
    return NettyChannelBuilder.forAddress(settings.host(), settings.port(), credentials)
        .eventLoopGroup(eventLoop)
        .channelType(NioSocketChannel.class)
        .executor(executor)
        .offloadExecutor(executor)
        .keepAliveTime(settings.keepAliveTime().toMillis(), TimeUnit.MILLISECONDS)
        .keepAliveTimeout(settings.keepAliveTimeout().toMillis(), TimeUnit.MILLISECONDS)
        .keepAliveWithoutCalls(false)
        // Retries belong to the fault-tolerance policy: one retry layer per hop.
        .disableRetry()
        .userAgent("shopsuite-midimo-client")
        .build();
  }

  private static ThreadPoolExecutor callbackExecutor(int threads, String prefix) {
    ThreadPoolExecutor executor =
        new ThreadPoolExecutor(
            threads,
            threads,
            30,
            TimeUnit.SECONDS,
            new LinkedBlockingQueue<>(),
            daemonThreads(prefix));
    executor.allowCoreThreadTimeOut(true);
    return executor;
  }

  /** Stops an event loop and an executor, and waits for Netty's global executor to go quiet. */
  private static void stop(EventLoopGroup eventLoop, ExecutorService executor) {
    try {
      eventLoop.shutdownGracefully(0, 1, TimeUnit.SECONDS).await(2, TimeUnit.SECONDS);
      GlobalEventExecutor.INSTANCE.awaitInactivity(2, TimeUnit.SECONDS);
      executor.shutdown();
      if (!executor.awaitTermination(1, TimeUnit.SECONDS)) {
        executor.shutdownNow();
      }
    } catch (InterruptedException e) {
      eventLoop.shutdownGracefully(0, 0, TimeUnit.SECONDS);
      executor.shutdownNow();
      Thread.currentThread().interrupt();
    }
  }

  /** A pool over channels someone else built (in-process channels in tests); it closes them. */
  public static ChannelPool of(List<ManagedChannel> channels) {
    if (channels.isEmpty()) {
      throw new IllegalArgumentException("a pool needs at least one channel");
    }
    return new ChannelPool(channels, null, null);
  }

  @Override
  public Channel next() {
    return channels.get(Math.floorMod(next.getAndIncrement(), channels.size()));
  }

  public int size() {
    return channels.size();
  }

  /** The state of each channel, without making it connect. */
  public List<ConnectivityState> states() {
    return channels.stream().map(channel -> channel.getState(false)).toList();
  }

  /** Whether {@link #close} has begun: the pool takes no new calls. */
  public boolean isShutdown() {
    return channels.stream().anyMatch(ManagedChannel::isShutdown);
  }

  public boolean isTerminated() {
    return channels.stream().allMatch(ManagedChannel::isTerminated)
        && (eventLoop == null || eventLoop.isTerminated())
        && (executor == null || executor.isTerminated());
  }

  /** Closes with the {@linkplain #DEFAULT_SHUTDOWN_GRACE default grace}. */
  @Override
  public void close() {
    close(DEFAULT_SHUTDOWN_GRACE);
  }

  /**
   * Stops accepting calls, lets calls in flight finish for up to {@code grace}, cancels what is
   * left, then stops the pool's threads and waits for Netty's own. Bounded: returns within about
   * {@code grace} + 5 s.
   */
  public void close(Duration grace) {
    channels.forEach(ManagedChannel::shutdown);
    long deadline = System.nanoTime() + grace.toNanos();
    try {
      for (ManagedChannel channel : channels) {
        long left = Math.max(0, deadline - System.nanoTime());
        if (!channel.awaitTermination(left, TimeUnit.NANOSECONDS)) {
          channel.shutdownNow();
        }
      }
      for (ManagedChannel channel : channels) {
        if (!channel.awaitTermination(1, TimeUnit.SECONDS)) {
          LOG.warning("a Midimo Chat channel did not terminate within 1 s of shutdownNow");
        }
      }
      if (eventLoop != null) {
        eventLoop.shutdownGracefully(0, 1, TimeUnit.SECONDS).await(2, TimeUnit.SECONDS);
        // Netty told the termination's listeners on its global executor, whose thread lingers a
        // second after its last task, holding this deployment's class loader: wait it out.
        GlobalEventExecutor.INSTANCE.awaitInactivity(2, TimeUnit.SECONDS);
      }
      if (executor != null) {
        executor.shutdown();
        if (!executor.awaitTermination(1, TimeUnit.SECONDS)) {
          executor.shutdownNow();
        }
      }
    } catch (InterruptedException e) {
      channels.forEach(ManagedChannel::shutdownNow);
      if (eventLoop != null) {
        eventLoop.shutdownGracefully(0, 0, TimeUnit.SECONDS);
      }
      if (executor != null) {
        executor.shutdownNow();
      }
      Thread.currentThread().interrupt();
      LOG.log(Level.WARNING, "interrupted while closing the Midimo Chat channels", e);
    }
  }

  private static ChannelCredentials credentials(ConnectionSettings settings) {
    if (!settings.secure()) {
      return InsecureChannelCredentials.create();
    }
    if (settings.trustCertificatesFile().isEmpty()) {
      return TlsChannelCredentials.create();
    }
    try {
      return TlsChannelCredentials.newBuilder()
          .trustManager(settings.trustCertificatesFile().get().toFile())
          .build();
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot read the trusted certificates " + settings.trustCertificatesFile().get(), e);
    }
  }

  private static ThreadFactory daemonThreads(String prefix) {
    AtomicInteger count = new AtomicInteger();
    return task -> {
      Thread thread = new Thread(task, prefix + "-" + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }
}
