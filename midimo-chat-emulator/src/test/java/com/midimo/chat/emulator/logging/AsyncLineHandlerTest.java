package com.midimo.chat.emulator.logging;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.Test;

class AsyncLineHandlerTest {
  @Test
  void publish_writesEveryRecordInOrderOnOneLineByClose() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    AsyncLineHandler handler = new AsyncLineHandler(out);

    for (int i = 0; i < 5_000; i++) {
      handler.publish(new LogRecord(Level.INFO, "call " + i));
    }
    handler.close();

    String[] lines = out.toString(StandardCharsets.UTF_8).split("\\R");
    assertThat(lines).hasSize(5_000);
    for (int i = 0; i < lines.length; i++) {
      assertThat(lines[i]).endsWith(" INFO call " + i);
    }
  }

  @Test
  void publish_dropsRecordsInsteadOfWaitingWhenTheWriterFallsBehindAndSaysHowMany()
      throws InterruptedException {
    BlockingStream out = new BlockingStream();
    AsyncLineHandler handler = new AsyncLineHandler(out);
    handler.publish(new LogRecord(Level.INFO, "first"));
    assertThat(out.blocked.await(5, TimeUnit.SECONDS)).as("writer is writing").isTrue();

    // The writer is stuck on "first"; the queue takes CAPACITY more, the rest are dropped.
    for (int i = 0; i < AsyncLineHandler.CAPACITY + 7; i++) {
      handler.publish(new LogRecord(Level.INFO, "queued " + i));
    }
    out.release.countDown();
    handler.close();

    String written = out.written.toString(StandardCharsets.UTF_8);
    assertThat(written).contains("WARNING log: 7 records dropped, the writer fell behind");
    assertThat(written.split("\\R")).hasSize(1 + AsyncLineHandler.CAPACITY + 1);
  }

  /** An output whose first write waits until released: a writer that fell behind. */
  private static final class BlockingStream extends OutputStream {
    final CountDownLatch blocked = new CountDownLatch(1);
    final CountDownLatch release = new CountDownLatch(1);
    final ByteArrayOutputStream written = new ByteArrayOutputStream();

    @Override
    public void write(int b) throws IOException {
      write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public synchronized void write(byte[] bytes, int offset, int length) throws IOException {
      blocked.countDown();
      try {
        release.await();
      } catch (InterruptedException e) {
        throw new IOException(e);
      }
      written.write(bytes, offset, length);
    }
  }
}
