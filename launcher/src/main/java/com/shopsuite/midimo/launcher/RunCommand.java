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
 *
 * <p>With {@code --nodes N} (2 or more): a standalone Artemis broker ({@link BrokerProcess}) and N
 * nodes of the remote-broker server on it, each on its own ports, all consuming {@code
 * OrderEvents}; the storefront may call any of them.
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
      names = "--nodes",
      defaultValue = "1",
      description =
          "WildFly nodes. 1 (the default): one node with its embedded broker. 2 or more: nodes of"
              + " the remote-broker server on one standalone Artemis broker, node k on ports"
              + " 8080 + offset + 10 (k - 1) and 9990 + offset + 10 (k - 1).")
  int nodes;

  @Option(
      names = "--broker-port",
      defaultValue = "61616",
      description = "The standalone broker's port, with --nodes 2 or more. Default: 61616.")
  int brokerPort;

  @Option(
      names = "--emulator-port",
      defaultValue = "${env:MIDIMO_CHAT_PORT:-50051}",
      description = "The emulator's port. Env: MIDIMO_CHAT_PORT. Default: 50051.")
  int emulatorPort;

  private final PrintStream out = System.out;

  /** The application user the nodes log in to the broker as (broker.xml's midimo-chat-node). */
  static final String BROKER_NODE_USER = "midimo-chat-node";

  /** The broker's operator (broker.xml's midimo-broker-operator). */
  static final String BROKER_OPERATOR = "midimo-broker-operator";

  /** Ports of node k: the offset plus 10 (k - 1). */
  static final int NODE_PORT_STEP = 10;

  @Override
  public Integer call() throws Exception {
    if (nodes < 1 || nodes > 9) {
      throw new picocli.CommandLine.ParameterException(
          new picocli.CommandLine(this), "--nodes must be between 1 and 9, not " + nodes);
    }
    boolean cluster = nodes > 1;
    Path run = root.resolve("run").toAbsolutePath().normalize();
    Path serverHome =
        root.resolve(
            cluster
                ? "wildfly-config/target/server-remote-broker"
                : "wildfly-config/target/server");
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

    BrokerProcess broker = null;
    String nodePassword = Secrets.random(24);
    if (cluster) {
      String operatorPassword = Secrets.random(24);
      Secrets.write(run.resolve("broker-operator.password"), operatorPassword);
      say("Starting the Artemis broker on port " + brokerPort + "...");
      broker =
          lifecycle.add(
              BrokerProcess.start(
                  BrokerProcess.Settings.of(
                      root,
                      run.resolve("broker"),
                      brokerPort,
                      List.of(
                          ApplicationUser.of(
                              BROKER_NODE_USER, nodePassword, BrokerProcess.NODE_ROLE),
                          ApplicationUser.of(ORDER_PUBLISHER, publisherPassword, ORDER_PUBLISHER),
                          ApplicationUser.of(
                              BROKER_OPERATOR, operatorPassword, BrokerProcess.OPERATOR_ROLE)))));
    }

    List<WildFlyNode> started = new java.util.ArrayList<>();
    for (int k = 1; k <= nodes; k++) {
      ServerBase.Settings settings =
          nodeSettings(
              cluster ? "node-" + k : "WildFly",
              serverHome,
              run.resolve(cluster ? "node-" + k : "wildfly"),
              portOffset + NODE_PORT_STEP * (k - 1),
              secret,
              issuer,
              publisherPassword,
              suiteServicePassword,
              emulator,
              broker,
              nodePassword);
      say(
          "Starting "
              + settings.name()
              + " (HTTP "
              + settings.httpPort()
              + ", management "
              + settings.managementPort()
              + ")...");
      started.add(lifecycle.add(ServerBase.prepare(settings).start()));
    }

    printWelcome(started, emulator, broker, issuer);
    List<java.util.function.BooleanSupplier> processes = new java.util.ArrayList<>();
    started.forEach(node -> processes.add(node::isAlive));
    processes.add(emulator::isAlive);
    if (broker != null) {
      processes.add(broker::isAlive);
    }
    if (lifecycle.awaitEnd(processes)) {
      return 0;
    }
    say("A process stopped by itself; see run/.");
    return 1;
  }

  private ServerBase.Settings nodeSettings(
      String name,
      Path serverHome,
      Path baseDir,
      int offset,
      String secret,
      DevIssuer issuer,
      String publisherPassword,
      String suiteServicePassword,
      EmulatorProcess emulator,
      BrokerProcess broker,
      String nodePassword) {
    ServerBase.Builder builder =
        ServerBase.Settings.builder(serverHome, baseDir)
            .name(name)
            .portOffset(offset)
            .deploy(root.resolve("ear/target/midimo-chat.ear"))
            .deploy(root.resolve("remote-ejb/target/midimo-chat-remote.jar"))
            .secret("midimo.chat.jwt.secret-key", secret)
            .configurationFile(DevIssuer.SERVER_KEY_FILE, issuer.publicKey())
            .user(ApplicationUser.of(ORDER_PUBLISHER, publisherPassword, ORDER_PUBLISHER))
            .user(ApplicationUser.of(SUITE_SERVICE, suiteServicePassword, SUITE_SERVICE))
            .systemProperty("midimo.chat.port", Integer.toString(emulator.port()))
            .systemProperty("midimo.chat.support.agents", String.join(",", AGENTS));
    if (broker != null) {
      builder.broker(broker.port(), BROKER_NODE_USER, nodePassword);
    }
    return builder.build();
  }

  private void printWelcome(
      List<WildFlyNode> nodes, EmulatorProcess emulator, BrokerProcess broker, DevIssuer issuer) {
    WildFlyNode node = nodes.get(0);
    String api = node.api().toString();
    // The pages read their token from the URL's fragment, which browsers never send to a server.
    String pages = api.substring(0, api.length() - "/api/v1".length());
    String customer =
        pages
            + "/demo/shop.html#order=order_456&token="
            + issuer.token("customer_123", List.of("customer"), PAGE_TOKEN_TTL);
    String agent =
        pages + "/agent/#token=" + issuer.token(AGENTS.get(0), List.of("agent"), PAGE_TOKEN_TTL);
    StringBuilder where = new StringBuilder();
    for (WildFlyNode each : nodes) {
      String label = nodes.size() == 1 ? "" : " (" + each.name() + ")";
      String dir = nodes.size() == 1 ? "wildfly" : each.name();
      where.append(
          String.format(
              """
                Storefront API   %1$s%2$s
                OpenAPI          http://localhost:%3$d/openapi
                Health           http://localhost:%4$d/health   (ready, live)
                Metrics          http://localhost:%4$d/metrics
                Logs             run/%5$s/log/server.log, run/%5$s/log/midimo_chat.log
              """,
              each.api(), label, each.httpPort(), each.managementPort(), dir));
    }
    String sendTo = "";
    if (broker != null) {
      where.append(
          String.format(
              """
                Broker           %1$s (Artemis; every node consumes OrderEvents; log run/broker/log/artemis.log)
              """,
              broker.url()));
      sendTo = " --broker localhost:" + broker.port();
    }
    out.printf(
        """

        \033[1mThe system is running.\033[0m
        %1$s  Emulator         localhost:%2$d (gRPC, fault control on; log run/emulator.log)

        The support chat in a browser (tokens valid for 8 hours, in the URL's fragment):
          Customer (customer_123, order order_456, the widget on a demo shop page)
            %3$s
          Agent (%5$s, the agent console; as %6$s: the same URL with #token=$(./dev-token.sh %6$s agent))
            %4$s

        Try it (./dev-token.sh prints a token of the development issuer):
          curl -i -X POST %7$s/support-threads -H 'Content-Type: application/json' \\
               -H "Authorization: Bearer $(./dev-token.sh customer_123 customer)" \\
               -d '{"order_id":"order_456"}'
          ./send-order-event.sh%8$s --order order_456 --customer customer_123 --status Shipped --message 'On its way'

        Ctrl-C stops everything.
        """,
        where, emulator.port(), customer, agent, AGENTS.get(0), AGENTS.get(1), api, sendTo);
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
     * Until Ctrl-C (true, once everything is stopped), or until any process stops by itself
     * (false).
     */
    boolean awaitEnd(List<java.util.function.BooleanSupplier> processes)
        throws InterruptedException {
      while (processes.stream().allMatch(java.util.function.BooleanSupplier::getAsBoolean)
          && !stopping) {
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
