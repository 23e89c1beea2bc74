package com.shopsuite.midimo.launcher;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code run}: the whole system, as {@code ./run.sh} starts it. A fresh {@code run/} directory,
 * generated secrets, the emulator on loopback with fault control, WildFly with the EAR deployed;
 * waits until the API answers, prints where everything is, then runs until Ctrl-C (which stops all
 * of it) or until a process stops by itself.
 */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    description = "Runs the emulator and WildFly with the application until Ctrl-C.")
final class RunCommand implements Callable<Integer> {

  /** The application user remote order-event producers log in as (messaging.cli). */
  static final String ORDER_PUBLISHER = "order-publisher";

  /** The application user of the remote EJB views (the suite-service role). */
  static final String SUITE_SERVICE = "suite-service";

  /** Where, under run/, the development issuer keeps its key pair. */
  static final String DEV_ISSUER_DIR = "dev-issuer";

  /** The support desk's roster on the local run: new support threads go to whichever is online. */
  static final List<String> AGENTS = List.of("agent_1", "agent_2");

  /** The pages' tokens last a working day, so the printed URLs stay usable. */
  static final java.time.Duration PAGE_TOKEN_TTL = java.time.Duration.ofHours(8);

  @Option(
      names = "--root",
      defaultValue = ".",
      description = "The repository, with everything built (default: the current directory).")
  Path root;

  @Option(
      names = "--port-offset",
      defaultValue = "${env:PORT_OFFSET:-0}",
      description = "Added to WildFly's ports (8080, 9990). Env: PORT_OFFSET. Default: 0.")
  int portOffset;

  @Option(
      names = "--emulator-port",
      defaultValue = "${env:MIDIMO_CHAT_PORT:-50051}",
      description = "The emulator's port. Env: MIDIMO_CHAT_PORT. Default: 50051.")
  int emulatorPort;

  private final PrintStream out = System.out;

  @Override
  public Integer call() throws Exception {
    Path run = root.resolve("run").toAbsolutePath().normalize();
    Path serverHome = root.resolve("wildfly-config/target/server");
    Directories.deleteRecursively(run);
    Files.createDirectories(run);

    // The secret shared by the application and the emulator: yours, if the environment has one.
    String secret = System.getenv("MIDIMO_CHAT_JWT_SECRET_KEY");
    if (secret == null || secret.isBlank()) {
      secret = Secrets.random(48);
    }
    String publisherPassword = Secrets.random(24);
    Secrets.write(run.resolve("order-publisher.password"), publisherPassword);
    String suiteServicePassword = Secrets.random(24);
    Secrets.write(run.resolve("suite-service.password"), suiteServicePassword);
    DevIssuer issuer = DevIssuer.create(run.resolve(DEV_ISSUER_DIR));

    Lifecycle lifecycle = new Lifecycle();
    Runtime.getRuntime().addShutdownHook(new Thread(lifecycle::stopAll, "stop-everything"));

    say("Starting the Midimo Chat emulator on port " + emulatorPort + "...");
    EmulatorProcess emulator =
        lifecycle.add(
            EmulatorProcess.start(
                root.resolve("midimo-chat-emulator/target/midimo-chat-emulator.jar"),
                run.resolve("emulator.log"),
                secret,
                emulatorPort,
                List.of(),
                List.of("--fault-control")));

    ServerBase.Settings settings =
        ServerBase.Settings.builder(serverHome, run.resolve("wildfly"))
            .name("WildFly")
            .portOffset(portOffset)
            .deploy(root.resolve("ear/target/midimo-chat.ear"))
            .deploy(root.resolve("remote-ejb/target/midimo-chat-remote.jar"))
            .secret("midimo.chat.jwt.secret-key", secret)
            .configurationFile(DevIssuer.SERVER_KEY_FILE, issuer.publicKey())
            .user(ApplicationUser.of(ORDER_PUBLISHER, publisherPassword, ORDER_PUBLISHER))
            .user(ApplicationUser.of(SUITE_SERVICE, suiteServicePassword, SUITE_SERVICE))
            .systemProperty("midimo.chat.port", Integer.toString(emulator.port()))
            .systemProperty("midimo.chat.support.agents", String.join(",", AGENTS))
            .build();
    say(
        "Starting WildFly (HTTP "
            + settings.httpPort()
            + ", management "
            + settings.managementPort()
            + ")...");
    WildFlyNode node = lifecycle.add(ServerBase.prepare(settings).start());

    printWelcome(node, emulator, issuer);
    if (lifecycle.awaitEnd(node, emulator)) {
      return 0;
    }
    say("A process stopped by itself; see run/.");
    return 1;
  }

  private void printWelcome(WildFlyNode node, EmulatorProcess emulator, DevIssuer issuer) {
    String api = node.api().toString();
    int management = node.managementPort();
    // The pages read their token from the URL's fragment, which browsers never send to a server.
    String pages = api.substring(0, api.length() - "/api/v1".length());
    String customer =
        pages
            + "/demo/shop.html#order=order_456&token="
            + issuer.token("customer_123", List.of("customer"), PAGE_TOKEN_TTL);
    String agent =
        pages + "/agent/#token=" + issuer.token(AGENTS.get(0), List.of("agent"), PAGE_TOKEN_TTL);
    out.printf(
        """

        \033[1mThe system is running.\033[0m
          Storefront API   %1$s
          OpenAPI          http://localhost:%2$d/openapi
          Health           http://localhost:%3$d/health   (ready, live)
          Metrics          http://localhost:%3$d/metrics
          Emulator         localhost:%4$d (gRPC, fault control on)
          Logs             run/wildfly/log/server.log, run/wildfly/log/midimo_chat.log, run/emulator.log

        The support chat in a browser (tokens valid for 8 hours, in the URL's fragment):
          Customer (customer_123, order order_456, the widget on a demo shop page)
            %5$s
          Agent (%7$s, the agent console; as %8$s: the same URL with #token=$(./dev-token.sh %8$s agent))
            %6$s

        Try it (./dev-token.sh prints a token of the development issuer):
          curl -i -X POST %1$s/support-threads -H 'Content-Type: application/json' \\
               -H "Authorization: Bearer $(./dev-token.sh customer_123 customer)" \\
               -d '{"order_id":"order_456"}'
          ./send-order-event.sh --order order_456 --customer customer_123 --status Shipped --message 'On its way'

        Ctrl-C stops everything.
        """,
        api,
        node.httpPort(),
        management,
        emulator.port(),
        customer,
        agent,
        AGENTS.get(0),
        AGENTS.get(1));
    out.flush();
  }

  private void say(String line) {
    out.println("\033[1m" + line + "\033[0m");
  }

  /** What was started, stopped in reverse order once, on Ctrl-C or at the end. */
  private final class Lifecycle {
    private final java.util.Deque<AutoCloseable> started = new java.util.ArrayDeque<>();
    private final CountDownLatch stopped = new CountDownLatch(1);
    private volatile boolean stopping;

    synchronized <T extends AutoCloseable> T add(T process) {
      started.push(process);
      return process;
    }

    /**
     * Until Ctrl-C (true, once everything is stopped), or until either process stops by itself
     * (false).
     */
    boolean awaitEnd(WildFlyNode node, EmulatorProcess emulator) throws InterruptedException {
      while (node.isAlive() && emulator.isAlive() && !stopping) {
        stopped.await(1, java.util.concurrent.TimeUnit.SECONDS);
      }
      if (stopping) {
        stopped.await();
        return true;
      }
      return false;
    }

    void stopAll() {
      stopping = true;
      try {
        synchronized (this) {
          if (started.isEmpty()) {
            return;
          }
          out.println();
          say("Stopping...");
          while (!started.isEmpty()) {
            try {
              started.pop().close();
            } catch (Exception e) {
              out.println("could not stop cleanly: " + e);
            }
          }
        }
        say("Stopped. Logs are in run/.");
      } finally {
        stopped.countDown();
      }
    }
  }
}
