package com.shopsuite.midimo.benchmarks.fullpath;

import com.shopsuite.midimo.benchmarks.suite.BenchmarkCase;
import com.shopsuite.midimo.benchmarks.suite.CaseResult;
import com.shopsuite.midimo.benchmarks.suite.Measurement;
import com.shopsuite.midimo.benchmarks.suite.ResultTable;
import com.shopsuite.midimo.benchmarks.suite.ServerSession;
import com.shopsuite.midimo.benchmarks.suite.Suite;
import com.shopsuite.midimo.benchmarks.suite.SuiteSettings;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Case 4, the channel pool's size ({@code midimo.chat.pool-size}): the full path's POST at high
 * concurrency with each size, a fresh emulator and a fresh WildFly per size, to justify the
 * default.
 */
public final class PoolSizeCase implements BenchmarkCase {
  public static final String ID = "pool-size";

  /** The shipped setting: no property at all. */
  public static final String DEFAULT = "default";

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String title() {
    return "4. Channel pool size";
  }

  @Override
  public CaseResult run(Suite suite) throws Exception {
    SuiteSettings settings = suite.settings();
    List<Measurement> rows = new ArrayList<>();
    List<Long> warmups = new ArrayList<>();
    for (String size : settings.poolSizes()) {
      Map<String, String> properties =
          DEFAULT.equals(size) ? Map.of() : Map.of("midimo.chat.pool-size", size);
      ServerSession session = suite.startServer("pool-" + size, properties);
      try (Storefront storefront =
          Storefront.open(
              session.server().api(),
              settings.chatThreads(),
              settings.readLimit(),
              session.storefrontToken())) {
        String deployed =
            session.deployedPoolSize().map(String::valueOf).orElse("?")
                + (DEFAULT.equals(size) ? " (default)" : "");
        int busiest = settings.poolConcurrency().stream().max(Integer::compare).orElse(64);
        warmups.add(
            suite
                .warmUp("pool size " + deployed, storefront.postMessage(), busiest, session)
                .toSeconds());
        for (int concurrency : settings.poolConcurrency()) {
          rows.add(
              suite.closedLoop(
                  ID + "/" + size + "/c" + concurrency,
                  "pool size " + deployed + ", concurrency " + concurrency,
                  storefront.postMessage(),
                  concurrency,
                  session));
        }
      } finally {
        suite.stop(session);
      }
    }
    return new CaseResult(
        ID,
        title(),
        "The POST of case 3, closed loop, with WildFly started with `-Dmidimo.chat.pool-size=N`"
            + " (\"default\": no property, the shipped value); a fresh emulator and a fresh"
            + " WildFly for each size, warmed up at the highest concurrency until the JIT"
            + " compilers were quiet ("
            + warmups.stream().map(s -> s + " s").collect(Collectors.joining(", "))
            + ").",
        List.of(new ResultTable("POST /chat/api/v1/threads/{id}/messages", rows)),
        Map.of(),
        List.of());
  }
}
