package com.shopsuite.midimo.rest.chat;

import jakarta.ws.rs.core.GenericType;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseBroadcaster;
import jakarta.ws.rs.sse.SseEventSink;
import java.io.IOException;
import java.lang.reflect.Type;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;

/** Just enough of JAX-RS's SSE API to watch what a relay sends, without a server. */
final class FakeSse implements Sse {

  @Override
  public OutboundSseEvent.Builder newEventBuilder() {
    return new Builder();
  }

  @Override
  public SseBroadcaster newBroadcaster() {
    throw new UnsupportedOperationException();
  }

  /** A browser's end of the stream: records what it receives; can be gone. */
  static final class Sink implements SseEventSink {

    final List<OutboundSseEvent> received = new CopyOnWriteArrayList<>();
    volatile boolean closed;
    volatile boolean browserGone;

    /** A browser that stopped reading: writes are accepted but never complete. */
    volatile boolean stalled;

    final List<CompletableFuture<Void>> pending = new CopyOnWriteArrayList<>();

    @Override
    public boolean isClosed() {
      return closed;
    }

    @Override
    public CompletionStage<?> send(OutboundSseEvent event) {
      if (closed) {
        throw new IllegalStateException("closed");
      }
      if (browserGone) {
        return CompletableFuture.failedFuture(new IOException("Broken pipe"));
      }
      received.add(event);
      if (stalled) {
        CompletableFuture<Void> write = new CompletableFuture<>();
        pending.add(write);
        return write;
      }
      return CompletableFuture.completedFuture(null);
    }

    @Override
    public void close() {
      closed = true;
    }

    List<String> names() {
      return received.stream()
          .map(event -> event.getName() != null ? event.getName() : ":" + event.getComment())
          .toList();
    }

    OutboundSseEvent last() {
      return received.get(received.size() - 1);
    }
  }

  private static final class Builder implements OutboundSseEvent.Builder {

    private final Event event = new Event();

    @Override
    public OutboundSseEvent.Builder id(String id) {
      event.id = id;
      return this;
    }

    @Override
    public OutboundSseEvent.Builder name(String name) {
      event.name = name;
      return this;
    }

    @Override
    public OutboundSseEvent.Builder reconnectDelay(long milliseconds) {
      event.reconnectDelay = milliseconds;
      return this;
    }

    @Override
    public OutboundSseEvent.Builder mediaType(MediaType mediaType) {
      event.mediaType = mediaType;
      return this;
    }

    @Override
    public OutboundSseEvent.Builder comment(String comment) {
      event.comment = comment;
      return this;
    }

    @Override
    public OutboundSseEvent.Builder data(Class type, Object data) {
      event.type = type;
      event.data = data;
      return this;
    }

    @Override
    public OutboundSseEvent.Builder data(GenericType type, Object data) {
      event.type = type.getRawType();
      event.data = data;
      return this;
    }

    @Override
    public OutboundSseEvent.Builder data(Object data) {
      return data(data.getClass(), data);
    }

    @Override
    public OutboundSseEvent build() {
      if (event.comment == null && event.data == null) {
        throw new IllegalStateException("an event needs data or a comment");
      }
      return event;
    }
  }

  private static final class Event implements OutboundSseEvent {
    String id;
    String name;
    String comment;
    long reconnectDelay = -1;
    MediaType mediaType;
    Class<?> type;
    Object data;

    @Override
    public Class<?> getType() {
      return type;
    }

    @Override
    public Type getGenericType() {
      return type;
    }

    @Override
    public MediaType getMediaType() {
      return mediaType;
    }

    @Override
    public Object getData() {
      return data;
    }

    @Override
    public String getId() {
      return id;
    }

    @Override
    public String getName() {
      return name;
    }

    @Override
    public String getComment() {
      return comment;
    }

    @Override
    public long getReconnectDelay() {
      return reconnectDelay;
    }

    @Override
    public boolean isReconnectDelaySet() {
      return reconnectDelay >= 0;
    }
  }
}
