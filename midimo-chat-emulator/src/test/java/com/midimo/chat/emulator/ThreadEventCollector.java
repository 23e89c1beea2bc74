package com.midimo.chat.emulator;

import com.midimo.chat.v1.StreamThreadEventsRequest;
import com.midimo.chat.v1.ThreadEvent;
import io.grpc.Status;
import io.grpc.stub.ClientCallStreamObserver;
import io.grpc.stub.ClientResponseObserver;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A StreamThreadEvents client that keeps what it receives, for tests to await and inspect. */
public final class ThreadEventCollector
    implements ClientResponseObserver<StreamThreadEventsRequest, ThreadEvent> {
  private final List<ThreadEvent> events = new CopyOnWriteArrayList<>();
  private final int initialRequest;
  private volatile ClientCallStreamObserver<StreamThreadEventsRequest> call;
  private volatile Status status;

  /** Reads every event as it comes. */
  public ThreadEventCollector() {
    this(-1);
  }

  private ThreadEventCollector(int initialRequest) {
    this.initialRequest = initialRequest;
  }

  /** Reads {@code count} events, then nothing more: a client that fell behind. */
  public static ThreadEventCollector readingOnly(int count) {
    return new ThreadEventCollector(count);
  }

  @Override
  public void beforeStart(ClientCallStreamObserver<StreamThreadEventsRequest> requestStream) {
    call = requestStream;
    if (initialRequest >= 0) {
      requestStream.disableAutoRequestWithInitial(initialRequest);
    }
  }

  @Override
  public void onNext(ThreadEvent event) {
    events.add(event);
  }

  @Override
  public void onError(Throwable t) {
    status = Status.fromThrowable(t);
  }

  @Override
  public void onCompleted() {
    status = Status.OK;
  }

  public List<ThreadEvent> events() {
    return events;
  }

  /** How the stream ended; null while it is open. */
  public Status status() {
    return status;
  }

  public void cancel() {
    call.cancel("test is done", null);
  }
}
