package com.shopsuite.midimo.benchmarks.scaleout;

import com.nimbusds.jose.JOSEException;
import com.shopsuite.midimo.benchmarks.emulator.BenchmarkToken;
import com.shopsuite.midimo.launcher.ApplicationUser;
import com.shopsuite.midimo.launcher.BrokerProcess;
import com.shopsuite.midimo.launcher.BrokerQueues;
import com.shopsuite.midimo.launcher.DevIssuer;
import com.shopsuite.midimo.launcher.EmulatorProcess;
import com.shopsuite.midimo.launcher.Secrets;
import com.shopsuite.midimo.launcher.ServerBase;
import com.shopsuite.midimo.launcher.WildFlyNode;
import com.shopsuite.orders.OrderEventPublisher;
import io.grpc.ManagedChannel;
import io.grpc.netty.NettyChannelBuilder;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * What {@code ./run.sh --nodes 2} starts, fresh for one scenario: the emulator (with fault control,
 * for its stats), a standalone Artemis broker with its users, and two nodes of the remote-broker
 * server with the EAR, both consuming {@code OrderEvents}. Nodes and the broker can be killed and
 * started again on their own directories.
 */
final class TwoNodeCluster implements AutoCloseable {

  /** The broker user of the nodes (broker.xml's midimo-chat-node). */
  static final String NODE_USER = "midimo-chat-node";

  /** The user remote order-event producers log in as. */
  static final String ORDER_PUBLISHER = "order-publisher";

  /** The broker's operator (broker.xml's midimo-broker-operator). */
  static final String OPERATOR = "midimo-broker-operator";

  static final List<String> AGENTS = List.of("agent_1", "agent_2");

  static final int NODES = 2;

  private final String secret = Secrets.random(48);
  private final String nodePassword = Secrets.random(24);
  private final String publisherPassword = Secrets.random(24);
  private final String operatorPassword = Secrets.random(24);
  private final List<ServerBase> bases = new ArrayList<>();
  private final WildFlyNode[] nodes = new WildFlyNode[NODES];
  private final DevIssuer issuer;
  private EmulatorProcess emulator;
  private BrokerProcess.Settings brokerSettings;
  private volatile BrokerProcess broker;

  private TwoNodeCluster(Path dir) {
    this.issuer = DevIssuer.create(dir.resolve("token-issuer"));
  }

  /** Starts everything in {@code dir}, ready; stops what started when a part fails. */
  static TwoNodeCluster start(ScaleOutSettings settings, Path dir, Consumer<String> log) {
    TwoNodeCluster cluster = new TwoNodeCluster(dir);
    try {
      cluster.startAll(settings, dir, log);
      return cluster;
    } catch (RuntimeException e) {
      cluster.close();
      throw e;
    }
  }

  private void startAll(ScaleOutSettings settings, Path dir, Consumer<String> log) {
    emulator =
        EmulatorProcess.start(
            settings.emulatorJar(),
            dir.resolve("emulator.log"),
            secret,
            0,
            List.of(),
            List.of("--quiet", "--fault-control"));
    brokerSettings =
        BrokerProcess.Settings.of(
            settings.root(),
            dir.resolve("broker"),
            settings.brokerPort(),
            List.of(
                ApplicationUser.of(NODE_USER, nodePassword, BrokerProcess.NODE_ROLE),
                ApplicationUser.of(ORDER_PUBLISHER, publisherPassword, ORDER_PUBLISHER),
                ApplicationUser.of(OPERATOR, operatorPassword, BrokerProcess.OPERATOR_ROLE)));
    long start = System.nanoTime();
    broker = BrokerProcess.start(brokerSettings);
    log.accept(String.format("broker ready in %.1f s (%s)", since(start), broker));
    for (int k = 1; k <= NODES; k++) {
      ServerBase base =
          ServerBase.prepare(
              ServerBase.Settings.builder(settings.serverHome(), dir.resolve("node-" + k))
                  .name("node-" + k)
                  .portOffset(settings.portOffset(k))
                  .deploy(settings.ear())
                  .secret("midimo.chat.jwt.secret-key", secret)
                  .configurationFile(DevIssuer.SERVER_KEY_FILE, issuer.publicKey())
                  .user(ApplicationUser.of(ORDER_PUBLISHER, publisherPassword, ORDER_PUBLISHER))
                  .systemProperty("midimo.chat.port", Integer.toString(emulator.port()))
                  .systemProperty("midimo.chat.support.agents", String.join(",", AGENTS))
                  .heap("-Xms64m -Xmx512m")
                  .broker(settings.brokerPort(), NODE_USER, nodePassword)
                  .build());
      bases.add(base);
      start = System.nanoTime();
      nodes[k - 1] = base.start();
      log.accept(String.format("%s ready in %.1f s", nodes[k - 1], since(start)));
    }
  }

  private static double since(long start) {
    return (System.nanoTime() - start) / 1e9;
  }

  /** Node k (1 or 2), as last started. */
  WildFlyNode node(int k) {
    return nodes[k - 1];
  }

  List<WildFlyNode> nodes() {
    return List.of(nodes);
  }

  /** SIGKILL of node k: nothing flushed, nothing closed; its transactions left as they were. */
  void killNode(int k) {
    nodes[k - 1].kill();
  }

  /** Node k started again on its base directory (its transaction log), ready. */
  WildFlyNode restartNode(int k) {
    nodes[k - 1] = bases.get(k - 1).start();
    return nodes[k - 1];
  }

  BrokerProcess broker() {
    return broker;
  }

  /** SIGKILL of the broker: what its journal synced is all it keeps. */
  void killBroker() {
    broker.kill();
  }

  /** The same broker again, on its instance and journal; returns once it accepts connections. */
  BrokerProcess restartBroker() {
    broker = BrokerProcess.start(brokerSettings);
    return broker;
  }

  /** A producer's connection to the broker, as the order system makes one. */
  OrderEventPublisher connectPublisher() {
    return OrderEventPublisher.connectToBroker(
        "localhost", brokerSettings.port(), ORDER_PUBLISHER, publisherPassword);
  }

  /** Reads the broker's queues on a connection of its own (which a broker restart breaks). */
  <T> T queues(Function<BrokerQueues, T> read) {
    try (BrokerQueues queues = BrokerQueues.connect(broker.url(), OPERATOR, operatorPassword)) {
      return read.apply(queues);
    }
  }

  /** A plaintext channel to the emulator: its control service and its own services. */
  ManagedChannel emulatorChannel() {
    return NettyChannelBuilder.forAddress("localhost", emulator.port()).usePlaintext().build();
  }

  /** A token the emulator accepts, to read back what the nodes made. */
  String emulatorToken() {
    try {
      return BenchmarkToken.mint(secret);
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A customer's token of the development issuer the nodes trust. */
  String customerToken(String customer) {
    return issuer.token(customer, List.of("customer"), Duration.ofHours(4));
  }

  /** Stops the nodes, the broker and the emulator, whatever state they are in. */
  @Override
  public void close() {
    for (int k = NODES; k >= 1; k--) {
      WildFlyNode node = nodes[k - 1];
      if (node != null) {
        stopQuietly(node::close);
      }
    }
    if (broker != null) {
      stopQuietly(broker::close);
    }
    if (emulator != null) {
      stopQuietly(emulator::close);
    }
  }

  private static void stopQuietly(Runnable stop) {
    try {
      stop.run();
    } catch (RuntimeException e) {
      System.err.println("could not stop cleanly: " + e);
    }
  }
}
