package com.midimo.chat.emulator.logging;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.ErrorManager;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Writes log records from a background thread, in batches, each formatted on one line.
 *
 * <p>A console handler formats and flushes in the calling thread, once per record: with a line per
 * call, that alone held the emulator to about a third of its throughput (BENCHMARKS.md). Here a
 * call only queues its record. If the writer ever falls {@value #CAPACITY} records behind, records
 * are dropped rather than slowing the calls, and the next batch says how many.
 */
public final class AsyncLineHandler extends Handler {
  static final int CAPACITY = 65_536;
  private static final int BATCH = 1_024;

  private final BlockingQueue<LogRecord> queue = new ArrayBlockingQueue<>(CAPACITY);
  private final AtomicLong dropped = new AtomicLong();
  private final Writer out;
  private final Thread writer;
  private volatile boolean closed;

  public AsyncLineHandler(OutputStream out) {
    this.out = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
    setFormatter(new OneLineFormatter());
    writer = new Thread(this::writeUntilClosed, "midimo-emulator-log-writer");
    writer.setDaemon(true);
    writer.start();
  }

  /** Makes this the only handler of the root logger, so every logger writes through it. */
  public static AsyncLineHandler replaceRootHandlers(OutputStream out) {
    Logger root = Logger.getLogger("");
    for (Handler handler : root.getHandlers()) {
      root.removeHandler(handler);
    }
    AsyncLineHandler handler = new AsyncLineHandler(out);
    root.addHandler(handler);
    return handler;
  }

  @Override
  public void publish(LogRecord record) {
    if (closed || !isLoggable(record)) {
      return;
    }
    if (!queue.offer(record)) {
      dropped.incrementAndGet();
    }
  }

  /** Flushes what the writer wrote; records still queued follow as soon as it writes them. */
  @Override
  public void flush() {
    synchronized (out) {
      flushQuietly();
    }
  }

  /** Writes what is queued, then stops the writer (waiting up to 5 s for it). */
  @Override
  public void close() {
    // Not an interrupt: that could abort a write half done and lose its batch.
    closed = true;
    try {
      writer.join(TimeUnit.SECONDS.toMillis(5));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void writeUntilClosed() {
    List<LogRecord> batch = new ArrayList<>(BATCH);
    while (!closed || !queue.isEmpty()) {
      try {
        LogRecord first = queue.poll(100, TimeUnit.MILLISECONDS);
        if (first == null) {
          continue;
        }
        batch.add(first);
      } catch (InterruptedException e) {
        return;
      }
      queue.drainTo(batch, BATCH - batch.size());
      write(batch);
      batch.clear();
    }
  }

  private void write(List<LogRecord> batch) {
    synchronized (out) {
      try {
        long lost = dropped.getAndSet(0);
        if (lost > 0) {
          out.write(
              getFormatter()
                  .format(
                      new LogRecord(
                          Level.WARNING,
                          "log: " + lost + " records dropped, the writer fell behind")));
        }
        for (LogRecord record : batch) {
          out.write(getFormatter().format(record));
        }
      } catch (IOException | RuntimeException e) {
        reportError("cannot write log records", e, ErrorManager.WRITE_FAILURE);
      }
      flushQuietly();
    }
  }

  private void flushQuietly() {
    try {
      out.flush();
    } catch (IOException e) {
      reportError("cannot flush log records", e, ErrorManager.FLUSH_FAILURE);
    }
  }
}
