package com.shopsuite.midimo.client;

import com.shopsuite.midimo.error.ServiceUnavailableException;
import io.grpc.Channel;
import io.grpc.ManagedChannel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.logging.Logger;

/**
 * The channels that carry event streams, and only them: unary calls stay on their own channels
 * ({@link ChannelPool}), so no number of open streams can take the stream slots a call needs. A
 * gRPC server limits the streams open at once on one connection (HTTP/2's
 * SETTINGS_MAX_CONCURRENT_STREAMS, 100 on most servers); past it, new streams wait. So each channel
 * here carries at most {@code streamsPerChannel} streams, and a new channel (one more HTTP/2
 * connection) is opened when all are full, up to {@code maxChannels}; beyond that, a new stream is
 * refused at once ({@link ServiceUnavailableException}) rather than left waiting.
 */
public final class StreamChannels implements AutoCloseable {

  private static final Logger LOG = Logger.getLogger(StreamChannels.class.getName());

  private final Supplier<ManagedChannel> newChannel;
  private final Runnable onClose;
  private final int streamsPerChannel;
  private final int maxChannels;
  private final List<Slot> slots = new ArrayList<>();
  private boolean closed;

  /** One channel and the streams it carries now. */
  private static final class Slot {
    final ManagedChannel channel;
    int streams;

    Slot(ManagedChannel channel) {
      this.channel = channel;
    }
  }

  /** A stream's place on a channel, given back with {@link #release()} when the stream ended. */
  public interface Lease {
    Channel channel();

    /** Idempotent. */
    void release();
  }

  StreamChannels(
      Supplier<ManagedChannel> newChannel,
      Runnable onClose,
      int streamsPerChannel,
      int maxChannels) {
    if (streamsPerChannel < 1) {
      throw new IllegalArgumentException("streams per channel must be at least 1");
    }
    if (maxChannels < 1) {
      throw new IllegalArgumentException("stream channels must be at least 1");
    }
    this.newChannel = newChannel;
    this.onClose = onClose;
    this.streamsPerChannel = streamsPerChannel;
    this.maxChannels = maxChannels;
  }

  /** Stream channels built by {@code newChannel} (in-process ones in tests); it closes them. */
  public static StreamChannels of(
      Supplier<ManagedChannel> newChannel, int streamsPerChannel, int maxChannels) {
    return new StreamChannels(newChannel, () -> {}, streamsPerChannel, maxChannels);
  }

  /** The most streams these channels carry at once. */
  public int capacity() {
    return streamsPerChannel * maxChannels;
  }

  /** Streams open now. */
  public synchronized int streams() {
    return slots.stream().mapToInt(slot -> slot.streams).sum();
  }

  /** Channels open now. */
  public synchronized int channels() {
    return slots.size();
  }

  /**
   * A place for one more stream: on the open channel with the most streams that still has room (so
   * the fewest connections stay open), else on a new channel.
   *
   * @throws ServiceUnavailableException when every channel is full
   */
  public synchronized Lease lease() {
    if (closed) {
      throw new ServiceUnavailableException("the stream channels are closed", null);
    }
    Slot chosen = null;
    for (Slot slot : slots) {
      if (slot.streams < streamsPerChannel && (chosen == null || slot.streams > chosen.streams)) {
        chosen = slot;
      }
    }
    if (chosen == null) {
      if (slots.size() >= maxChannels) {
        throw new ServiceUnavailableException(
            "this node carries "
                + capacity()
                + " event streams to Midimo Chat, its most ("
                + maxChannels
                + " connections of "
                + streamsPerChannel
                + ")",
            Duration.ofSeconds(5),
            null);
      }
      chosen = new Slot(newChannel.get());
      slots.add(chosen);
    }
    chosen.streams++;
    Slot leased = chosen;
    return new Lease() {
      private boolean released;

      @Override
      public Channel channel() {
        return leased.channel;
      }

      @Override
      public void release() {
        synchronized (StreamChannels.this) {
          if (!released) {
            released = true;
            leased.streams--;
          }
        }
      }
    };
  }

  /** Closes every channel (streams still open are cancelled) and what they run on. */
  @Override
  public void close() {
    List<ManagedChannel> channels;
    synchronized (this) {
      closed = true;
      channels = slots.stream().map(slot -> slot.channel).toList();
      slots.clear();
    }
    channels.forEach(ManagedChannel::shutdownNow);
    try {
      for (ManagedChannel channel : channels) {
        if (!channel.awaitTermination(2, TimeUnit.SECONDS)) {
          LOG.warning("a Midimo Chat stream channel did not terminate within 2 s");
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      onClose.run();
    }
  }
}
