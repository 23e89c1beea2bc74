package com.shopsuite.midimo.benchmarks.direct;

import com.midimo.chat.v1.ChatServiceGrpc;
import com.midimo.chat.v1.Message;
import com.nimbusds.jose.JOSEException;
import com.shopsuite.midimo.benchmarks.emulator.BenchmarkToken;
import com.shopsuite.midimo.benchmarks.load.AsyncCall;
import com.shopsuite.midimo.benchmarks.load.GrpcAnswers;
import com.shopsuite.midimo.benchmarks.suite.BenchmarkCase;
import com.shopsuite.midimo.benchmarks.suite.CaseResult;
import com.shopsuite.midimo.benchmarks.suite.Measurement;
import com.shopsuite.midimo.benchmarks.suite.ResultTable;
import com.shopsuite.midimo.benchmarks.suite.ServerSession;
import com.shopsuite.midimo.benchmarks.suite.Suite;
import com.shopsuite.midimo.benchmarks.suite.SuiteSettings;
import io.grpc.ManagedChannel;
import io.grpc.stub.MetadataUtils;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Case 2, the seed's pattern: the original guide's client is used as a context manager ({@code with
 * MidimoChatClient() as client: ...}), so every use opens a channel, mints its token, makes the
 * call and closes the channel. What that costs next to case 1 is what the pool saves.
 */
public final class ChannelPerCallCase implements BenchmarkCase {
  public static final String ID = "channel-per-call";

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String title() {
    return "2. The seed's pattern: a new channel per call";
  }

  @Override
  public CaseResult run(Suite suite) throws Exception {
    SuiteSettings settings = suite.settings();
    ServerSession session = suite.startEmulator(ID);
    try (DirectChat setup =
        DirectChat.connect(session.emulator().port(), suite.secret(), settings.chatThreads())) {
      AsyncCall call = channelPerCall(session.emulator().port(), suite.secret(), setup.threadIds());
      Duration warm = suite.warmUp("SendMessage, a channel per call", call, 16, session);
      List<Measurement> sends = suite.closedAndOpenLoops(ID + "/send/", call, session);
      return new CaseResult(
          ID,
          title(),
          "The same SendMessage as case 1, but each call builds a channel (grpc-java defaults),"
              + " mints a token, connects (TCP and HTTP/2 handshake), calls, and shuts the channel"
              + " down once the answer is in. Latency runs from before the channel is built to the"
              + " answer. Warmed up for "
              + warm.toSeconds()
              + " s first.",
          List.of(new ResultTable("SendMessage, a new channel per call", sends)),
          Map.of(),
          List.of());
    } finally {
      suite.stop(session);
    }
  }

  private static AsyncCall channelPerCall(int port, String secret, List<String> threadIds) {
    AtomicLong sequence = new AtomicLong();
    return () -> {
      String token;
      try {
        token = BenchmarkToken.mint(secret);
      } catch (JOSEException e) {
        throw new IllegalStateException(e);
      }
      ManagedChannel channel = DirectChat.channel(port);
      GrpcAnswers.Observer<Message> answer = GrpcAnswers.observer();
      ChatServiceGrpc.newStub(channel)
          .withInterceptors(MetadataUtils.newAttachHeadersInterceptor(DirectChat.bearer(token)))
          .withDeadlineAfter(DirectChat.DEADLINE_SECONDS, TimeUnit.SECONDS)
          .sendMessage(DirectChat.nextMessage(threadIds, sequence.getAndIncrement()), answer);
      answer.whenComplete((message, failure) -> channel.shutdown());
      return answer;
    };
  }
}
