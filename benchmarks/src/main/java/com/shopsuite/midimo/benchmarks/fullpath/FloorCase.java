package com.shopsuite.midimo.benchmarks.fullpath;

import com.shopsuite.midimo.benchmarks.load.AsyncCall;
import com.shopsuite.midimo.benchmarks.suite.BenchmarkCase;
import com.shopsuite.midimo.benchmarks.suite.CaseResult;
import com.shopsuite.midimo.benchmarks.suite.Measurement;
import com.shopsuite.midimo.benchmarks.suite.ResultTable;
import com.shopsuite.midimo.benchmarks.suite.ServerSession;
import com.shopsuite.midimo.benchmarks.suite.Suite;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Case 7, the floor: what the server's stack costs by itself, and what verifying a token costs. In
 * one session, the same {@code POST …/messages} (same JSON, same validation rules) to three places
 * on the same WildFly: the floor's resource without a token (Undertow, RESTEasy, JSON-B, Bean
 * Validation: nothing verified, nobody called), the floor's resource with the storefront's token
 * (the same, plus MicroProfile JWT verifying it as the storefront API does), and the storefront API
 * itself (the same again, plus our filters, the EJB, fault tolerance and the call to Midimo Chat).
 * WildFly's CPU per request, from the {@code cores:} column and the throughput, is the figure to
 * read: on two shared cores it is steadier than throughput.
 */
public final class FloorCase implements BenchmarkCase {
  public static final String ID = "floor";

  public static final String OPEN = "floor/open/";
  public static final String VERIFIED = "floor/verified/";
  public static final String FULL = "floor/full/";

  /** Figures: WildFly's CPU per request, in nanoseconds, at each concurrency. */
  public static final String CPU_NS = "floor/cpu-ns/";

  static final List<Integer> CONCURRENCY = List.of(16, 64);

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String title() {
    return "7. The floor: the same request without Midimo Chat, with and without a token";
  }

  @Override
  public CaseResult run(Suite suite) throws Exception {
    ServerSession session = suite.startServer(ID, Map.of(), false, true);
    try (Storefront storefront =
        Storefront.open(
            session.server().api(),
            suite.settings().chatThreads(),
            suite.settings().readLimit(),
            session.storefrontToken())) {
      AsyncCall open = storefront.floorPost(false);
      AsyncCall verified = storefront.floorPost(true);
      AsyncCall full = storefront.postMessage();
      Duration warm =
          suite.warmUp("the floor and the full path", all(open, verified, full), 16, session);

      List<Measurement> rows = new ArrayList<>();
      Map<String, Long> figures = new LinkedHashMap<>();
      List<String> notes = new ArrayList<>();
      for (int concurrency : CONCURRENCY) {
        Measurement bare =
            suite.closedLoop(
                OPEN + "c" + concurrency,
                "floor, no token, c" + concurrency,
                open,
                concurrency,
                session);
        Measurement token =
            suite.closedLoop(
                VERIFIED + "c" + concurrency,
                "floor, token verified, c" + concurrency,
                verified,
                concurrency,
                session);
        Measurement path =
            suite.closedLoop(
                FULL + "c" + concurrency, "full path, c" + concurrency, full, concurrency, session);
        rows.addAll(List.of(bare, token, path));
        long bareNs = cpuNanosPerCall(bare);
        long tokenNs = cpuNanosPerCall(token);
        long pathNs = cpuNanosPerCall(path);
        figures.put(CPU_NS + "open/c" + concurrency, bareNs);
        figures.put(CPU_NS + "verified/c" + concurrency, tokenNs);
        figures.put(CPU_NS + "full/c" + concurrency, pathNs);
        notes.add(
            String.format(
                Locale.ROOT,
                "Concurrency %d, WildFly's CPU per request: floor without a token **%d µs**, with"
                    + " the token verified **%d µs** (verification: %+d µs per request), full path"
                    + " **%d µs** (%.1f× the floor with a token: the hop to Midimo Chat and our own"
                    + " layers cost %d µs). Throughput: %,.0f, %,.0f and %,.0f requests/s (the full"
                    + " path at %.0f %% of the floor's).",
                concurrency,
                bareNs / 1_000,
                tokenNs / 1_000,
                (tokenNs - bareNs) / 1_000,
                pathNs / 1_000,
                pathNs / (double) tokenNs,
                (pathNs - tokenNs) / 1_000,
                bare.load().callsPerSecond(),
                token.load().callsPerSecond(),
                path.load().callsPerSecond(),
                100 * path.load().callsPerSecond() / token.load().callsPerSecond()));
      }
      return new CaseResult(
          ID,
          title(),
          "A fresh emulator and WildFly as in case 3, with the benchmarks' floor WAR"
              + " (`benchmark-floor`, at /floor) deployed beside the EAR. Its resource answers"
              + " `POST …/messages` with the same request and answer shapes, Bean Validation rules"
              + " and JSON-B configuration as the storefront API, without calling anyone; its"
              + " `/open` resource is `@PermitAll` and is called without a token, its `/verified`"
              + " one needs the storefront role and gets the storefront's token, which the server"
              + " verifies with the storefront API's own `mp.jwt.verify` settings (RS256). The"
              + " floor has none of the storefront API's filters (request ids, access rules, the"
              + " problem mappers): what it measures is the server's stack. The same driver and"
              + " threads as case 3; closed loops of "
              + suite.settings().closedLoop().toSeconds()
              + " s, the three requests one after the other at each concurrency. Warm-up (all"
              + " three, alternately, at concurrency 16) until the JIT compilers were quiet: "
              + warm.toSeconds()
              + " s. CPU per request is WildFly's `cores:` × 1 s ÷ requests per second.",
          List.of(
              new ResultTable("POST …/messages: floor without and with a token, full path", rows)),
          figures,
          notes);
    } finally {
      suite.stop(session);
    }
  }

  /** WildFly's CPU time per call in the measured window, in nanoseconds. */
  static long cpuNanosPerCall(Measurement run) {
    double cores = run.load().cpu() == null ? -1 : run.load().cpu().of(Suite.WILDFLY);
    double perSecond = run.load().callsPerSecond();
    return cores < 0 || perSecond == 0 ? -1 : Math.round(cores * 1e9 / perSecond);
  }

  /** The three requests in turn, to warm every path at once. */
  private static AsyncCall all(AsyncCall... calls) {
    java.util.concurrent.atomic.AtomicLong next = new java.util.concurrent.atomic.AtomicLong();
    return () -> calls[(int) (next.getAndIncrement() % calls.length)].start();
  }
}
