package com.midimo.chat.emulator.logging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.midimo.chat.emulator.InProcessEmulator;
import com.midimo.chat.emulator.TestTokens;
import com.midimo.chat.v1.ChatServiceGrpc;
import com.midimo.chat.v1.CreateThreadRequest;
import com.midimo.chat.v1.GetThreadRequest;
import io.grpc.Metadata;
import io.grpc.stub.MetadataUtils;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CallLoggingInterceptorTest {
  private final Logger logger = Logger.getLogger(CallLoggingInterceptor.LOGGER_NAME);
  private final List<String> lines = new CopyOnWriteArrayList<>();
  private final Handler capture =
      new Handler() {
        @Override
        public void publish(LogRecord record) {
          lines.add(new OneLineFormatter().format(record));
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
      };
  private InProcessEmulator emulator;

  @BeforeEach
  void startEmulator() {
    logger.addHandler(capture);
    logger.setUseParentHandlers(false);
    emulator = InProcessEmulator.start(config -> config.callLog(true));
  }

  @AfterEach
  void stopEmulator() throws InterruptedException {
    emulator.close();
    logger.removeHandler(capture);
    logger.setUseParentHandlers(true);
  }

  @Test
  void interceptCall_logsOneLinePerCallWithStatusDurationAndRequestIdButNeverTheToken() {
    String token = TestTokens.valid(Clock.systemUTC());
    Metadata headers = new Metadata();
    headers.put(Metadata.Key.of("x-request-id", Metadata.ASCII_STRING_MARSHALLER), "req-42");
    ChatServiceGrpc.ChatServiceBlockingStub chat =
        ChatServiceGrpc.newBlockingStub(emulator.channel())
            .withInterceptors(
                InProcessEmulator.bearer(token),
                MetadataUtils.newAttachHeadersInterceptor(headers));

    chat.createThread(CreateThreadRequest.newBuilder().setUserId("u").setTitle("t").build());
    catchThrowable(
        () -> chat.getThread(GetThreadRequest.newBuilder().setThreadId("thr_nope").build()));

    assertThat(lines).hasSize(2);
    assertThat(lines.get(0))
        .matches(
            "(?s)\\S+ INFO call method=midimo\\.chat\\.v1\\.ChatService/CreateThread status=OK"
                + " duration_ms=\\d+\\.\\d\\d request_id=req-42\\R");
    assertThat(lines.get(1))
        .contains("method=midimo.chat.v1.ChatService/GetThread status=NOT_FOUND")
        .contains("description=\"thread 'thr_nope' not found\"");
    assertThat(String.join("", lines)).doesNotContain(token).doesNotContain("Bearer");
  }
}
