package com.shopsuite.midimo.benchmarks.direct;

import com.shopsuite.midimo.benchmarks.suite.BenchmarkCase;
import com.shopsuite.midimo.benchmarks.suite.CaseResult;
import com.shopsuite.midimo.benchmarks.suite.Measurement;
import com.shopsuite.midimo.benchmarks.suite.ResultTable;
import com.shopsuite.midimo.benchmarks.suite.ServerSession;
import com.shopsuite.midimo.benchmarks.suite.Suite;
import com.shopsuite.midimo.benchmarks.suite.SuiteSettings;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Case 1, the limit: a bare grpc-java client calling the emulator directly over one shared channel.
 * SendMessage is what the full path's POST is compared with; GetThreadMessages is the read path's
 * counterpart.
 */
public final class DirectGrpcCase implements BenchmarkCase {
  public static final String ID = "direct";

  /** The keys the targets compare with. */
  public static final String SEND = ID + "/send/";

  public static final String READ = ID + "/read/";

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String title() {
    return "1. The limit: a bare grpc-java client, one shared channel";
  }

  @Override
  public CaseResult run(Suite suite) throws Exception {
    SuiteSettings settings = suite.settings();
    ServerSession session = suite.startEmulator(ID);
    try (DirectChat chat =
        DirectChat.connect(session.emulator().port(), suite.secret(), settings.chatThreads())) {
      Duration warm = suite.warmUp("direct SendMessage", chat.sendMessage(), 16, session);
      List<Measurement> sends = suite.closedAndOpenLoops(SEND, chat.sendMessage(), session);

      List<Measurement> reads = List.of();
      if (settings.readPath()) {
        suite.repeat(
            "messages for the read path",
            chat.sendMessage(),
            settings.chatThreads() * settings.readLimit(),
            16);
        reads = suite.closedAndOpenLoops(READ, chat.getMessages(settings.readLimit()), session);
      }
      return new CaseResult(
          ID,
          title(),
          "The emulator in its own process (`java -jar midimo-chat-emulator.jar --port 0 --quiet`:"
              + " plaintext, no call log, no fault control). The client is grpc-java with its"
              + " defaults: one channel (one HTTP/2 connection), async stub, a token minted once and"
              + " attached as a header. Each SendMessage carries what the application sends: the"
              + " storefront's text, a new idempotency key (`request_id`); calls go round-robin over "
              + settings.chatThreads()
              + " threads. GetThreadMessages reads the newest "
              + settings.readLimit()
              + " messages of a thread, as the storefront's `GET …/messages` does by default. Before"
              + " the first run, SendMessage at concurrency 16 until the JIT compilers of both"
              + " JVMs were quiet: "
              + warm.toSeconds()
              + " s.",
          List.of(
              new ResultTable("SendMessage", sends),
              new ResultTable("GetThreadMessages (limit " + settings.readLimit() + ")", reads)),
          Map.of(),
          List.of());
    } finally {
      suite.stop(session);
    }
  }
}
