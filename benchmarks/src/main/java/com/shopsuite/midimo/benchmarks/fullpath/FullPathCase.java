package com.shopsuite.midimo.benchmarks.fullpath;

import com.shopsuite.midimo.benchmarks.suite.BenchmarkCase;
import com.shopsuite.midimo.benchmarks.suite.CaseResult;
import com.shopsuite.midimo.benchmarks.suite.Measurement;
import com.shopsuite.midimo.benchmarks.suite.ResultTable;
import com.shopsuite.midimo.benchmarks.suite.ServerSession;
import com.shopsuite.midimo.benchmarks.suite.Suite;
import com.shopsuite.midimo.benchmarks.suite.SuiteSettings;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Case 3, the full path: {@code POST /chat/api/v1/threads/{id}/messages} through Undertow, JAX-RS,
 * the EJB, the fault-tolerance policy and the pooled channel to the emulator; and {@code GET
 * …/messages} for the read path. The server runs as shipped (default pool size, logging, thread
 * pools). Also where case 6 gets the server's memory at rest.
 */
public final class FullPathCase implements BenchmarkCase {
  public static final String ID = "full-path";

  public static final String POST = "full/post/";
  public static final String READ = "full/read/";

  /** WildFly's VmRSS, idle after the warm-up, in KiB. */
  public static final String RSS_AT_REST = "server/rss-at-rest-kb";

  /** The pool size the server reported at deployment. */
  public static final String POOL_SIZE = "server/pool-size";

  /** Quiet time after the warm-up before the resident size at rest is read. */
  private static final long SETTLE_MILLIS = 5_000;

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String title() {
    return "3. The full path: storefront API on WildFly → EJB → fault tolerance → pooled channel";
  }

  @Override
  public CaseResult run(Suite suite) throws Exception {
    SuiteSettings settings = suite.settings();
    ServerSession session = suite.startServer(ID, Map.of());
    try (Storefront storefront =
        Storefront.open(
            session.server().api(),
            settings.chatThreads(),
            settings.readLimit(),
            session.storefrontToken())) {
      Duration warm =
          suite.warmUp("full path, posts and reads", storefront.postsAndReads(), 16, session);
      Thread.sleep(SETTLE_MILLIS);
      Map<String, Long> figures = new LinkedHashMap<>();
      figures.put(RSS_AT_REST, session.serverMemory().nowKb());
      session.deployedPoolSize().ifPresent(size -> figures.put(POOL_SIZE, (long) size));

      List<Measurement> posts = suite.closedAndOpenLoops(POST, storefront.postMessage(), session);

      List<Measurement> reads = List.of();
      if (settings.readPath()) {
        suite.repeat(
            "messages for the read path",
            storefront.postMessage(),
            settings.chatThreads() * settings.readLimit(),
            16);
        reads = suite.closedAndOpenLoops(READ, storefront.getMessages(), session);
      }
      return new CaseResult(
          ID,
          title(),
          "A fresh emulator as in case 1, and WildFly 39 from `wildfly-config/target/server` (a"
              + " fresh copy of `standalone/`, as `run.sh` does; `standalone.conf`'s JVM options,"
              + " `-Xmx512m`) with `ear/target/midimo-chat.ear` deployed, configured as shipped"
              + " (pool size "
              + figures.getOrDefault(POOL_SIZE, -1L)
              + "). The driver is Netty's HTTP/1.1 codec on one event-loop thread (`NettyHttpDriver`),"
              + " one kept-alive connection per request in flight; any answer that is not 2xx is an"
              + " error. POST carries"
              + " `{\"user_id\":…,\"content\":\"Where is my order order_456?\"}` without an"
              + " Idempotency-Key (the server generates the `request_id`), to the same "
              + settings.chatThreads()
              + " support threads round-robin (created through `POST /support-threads`). GET asks"
              + " `?limit="
              + settings.readLimit()
              + "`. Before the first run, posts and reads at concurrency 16 until the JIT"
              + " compilers of the three JVMs were quiet: "
              + warm.toSeconds()
              + " s (a fresh WildFly compiles for a minute or more; measured earlier, it is"
              + " several times slower).",
          List.of(
              new ResultTable("POST /chat/api/v1/threads/{id}/messages", posts),
              new ResultTable(
                  "GET /chat/api/v1/threads/{id}/messages?limit=" + settings.readLimit(), reads)),
          figures,
          List.of());
    } finally {
      suite.stop(session);
    }
  }
}
