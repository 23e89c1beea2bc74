package com.shopsuite.midimo.benchmarks.resilience;

import com.shopsuite.midimo.benchmarks.suite.ServerSession;
import com.shopsuite.midimo.launcher.WildFlyNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/** 5. Twenty redeploys of the application: what the server holds afterwards. */
final class RedeployScenario implements Scenario {
  static final int REDEPLOYS = 20;

  /** Server threads that may come and go on their own (pool workers started or retired). */
  static final int THREAD_NOISE = 5;

  /**
   * The server's idle pool threads each keep the class loader of the last task they ran, so a few
   * recent deployments may stay loaded (RedeployIT explains): fewer than three deployments' worth.
   */
  static final int RETAINED_DEPLOYMENTS = 3;

  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @Override
  public String id() {
    return "redeploy";
  }

  @Override
  public String title() {
    return "5. 20 redeploys";
  }

  @Override
  public String setup() {
    return "The EAR redeployed 20 times through the management model (`:redeploy`), each time"
        + " used (a readiness probe, which calls Midimo Chat through the channel pool) before the"
        + " next. Before and after: the server's live threads, the classes loaded after a full GC"
        + " (the JVM runs with -XX:SoftRefLRUPolicyMSPerMB=0, so soft caches do not count), and"
        + " the TCP connections WildFly holds open to Midimo Chat; the classes also halfway, since"
        + " the first redeploys load server classes of their own once.";
  }

  @Override
  public String passRule() {
    return "threads after ≤ before + 5; from halfway to the end, classes loaded after GC grow by"
        + " less than three deployments' worth (what the server's idle threads may keep of recent"
        + " deployments; a leak adds one deployment per redeploy); connections to Midimo Chat"
        + " after = before";
  }

  @Override
  public ScenarioResult run(ResilienceRun run) throws Exception {
    ServerSession session = run.start(id());
    try {
      WildFlyNode server = session.server();
      int emulatorPort = session.emulator().port();
      use(server);
      int threadsBefore = threads(server);
      int classesBefore = classesAfterGc(server);
      int connectionsBefore = OpenConnections.of(server.pid(), emulatorPort);
      long everLoaded = everLoaded(server);
      int redeploys = run.scaled(REDEPLOYS, 3);
      long oneDeployment = 0;
      int classesHalfway = 0;
      for (int i = 1; i <= redeploys; i++) {
        server.cli("/deployment=midimo-chat.ear:redeploy");
        use(server);
        if (i == 1) {
          oneDeployment = everLoaded(server) - everLoaded;
        }
        if (i == redeploys / 2) {
          classesHalfway = classesAfterGc(server);
        }
        run.log("%s: redeploy %d of %d", id(), i, redeploys);
      }
      int threadsAfter = threads(server);
      int classesAfter = classesAfterGc(server);
      int connectionsAfter = OpenConnections.of(server.pid(), emulatorPort);
      boolean passed =
          threadsAfter <= threadsBefore + THREAD_NOISE
              && classesAfter - classesHalfway < RETAINED_DEPLOYMENTS * oneDeployment
              && connectionsAfter == connectionsBefore;
      Table table =
          new Table()
              .row("live threads before / after", threadsBefore + " / " + threadsAfter)
              .row(
                  "classes loaded after a full GC: before / after "
                      + redeploys / 2
                      + " redeploys / after "
                      + redeploys,
                  String.format(
                      Locale.ROOT, "%,d / %,d / %,d", classesBefore, classesHalfway, classesAfter))
              .row("classes one deployment loads", String.format(Locale.ROOT, "%,d", oneDeployment))
              .row(
                  "connections to Midimo Chat before / after",
                  connectionsBefore + " / " + connectionsAfter);
      return new ScenarioResult(
          passed,
          String.format(
              Locale.ROOT,
              "threads %d → %d; classes after GC %,d → %,d → %,d (halfway, end; one deployment:"
                  + " %,d); connections %d → %d",
              threadsBefore,
              threadsAfter,
              classesBefore,
              classesHalfway,
              classesAfter,
              oneDeployment,
              connectionsBefore,
              connectionsAfter),
          List.of(table.toString()));
    } finally {
      run.stop(session);
    }
  }

  /** Waits until the readiness probe (a call through the pool) answers 200. */
  private static void use(WildFlyNode server) throws InterruptedException {
    URI ready = URI.create("http://localhost:" + server.managementPort() + "/health/ready");
    long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
    while (System.nanoTime() < deadline) {
      try {
        if (HTTP.send(HttpRequest.newBuilder(ready).build(), HttpResponse.BodyHandlers.discarding())
                .statusCode()
            == 200) {
          return;
        }
      } catch (IOException e) {
        // not yet
      }
      Thread.sleep(100);
    }
    throw new IllegalStateException("not ready within a minute after a redeploy");
  }

  private static int threads(WildFlyNode server) {
    return Integer.parseInt(
        server.cli(
            "/core-service=platform-mbean/type=threading:read-attribute(name=thread-count)"));
  }

  private static int classesAfterGc(WildFlyNode server) {
    server.cli("/core-service=platform-mbean/type=memory:gc");
    return Integer.parseInt(
        server.cli(
            "/core-service=platform-mbean/type=class-loading:read-attribute(name=loaded-class-count)"));
  }

  private static long everLoaded(WildFlyNode server) {
    return Long.parseLong(
        server
            .cli(
                "/core-service=platform-mbean/type=class-loading:read-attribute(name=total-loaded-class-count)")
            .replaceAll("L$", ""));
  }
}
