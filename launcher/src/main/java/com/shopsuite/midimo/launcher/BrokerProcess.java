package com.shopsuite.midimo.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The standalone Apache ActiveMQ Artemis broker that several nodes share, as a process of its own:
 * an instance created with the distribution's {@code artemis create} (module broker: {@code
 * target/apache-artemis-*}), configured with the module's {@code etc/broker.xml}, its users and
 * roles written into the instance's {@code etc/} (mode 0600), run with {@code bin/artemis run}.
 *
 * <p>{@link #start(Settings)} on an instance directory that exists runs the same broker again, on
 * its journal: what an operator restarting a crashed broker does.
 */
public final class BrokerProcess implements AutoCloseable {

  /** The role of the WildFly nodes (broker.xml). */
  public static final String NODE_ROLE = "midimo-chat-node";

  /** The role of an operator: the DLQ and the broker's management (broker.xml). */
  public static final String OPERATOR_ROLE = "midimo-broker-operator";

  /** What the broker logs once it accepts connections. */
  private static final String ACTIVE = "AMQ221007";

  private static final Duration STARTUP = Duration.ofMinutes(2);
  private static final Duration STOP_GRACE = Duration.ofSeconds(30);

  private final Settings settings;
  private final Process process;

  private BrokerProcess(Settings settings, Process process) {
    this.settings = settings;
    this.process = process;
  }

  /** Creates the instance if it does not exist yet, starts the broker and waits until it serves. */
  public static BrokerProcess start(Settings settings) {
    Processes.requireFreePort(settings.port(), "the Artemis broker");
    try {
      if (!Files.isDirectory(settings.instance().resolve("etc"))) {
        create(settings);
      }
      Path console = settings.instance().resolve("log/console.log");
      Files.createDirectories(console.getParent());
      long logged = Files.exists(console) ? Files.size(console) : 0;
      ProcessBuilder builder =
          new ProcessBuilder("bash", settings.instance().resolve("bin/artemis").toString(), "run")
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.appendTo(console.toFile()));
      builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
      builder.environment().remove("JAVA_ARGS");
      builder
          .environment()
          .put(
              "JAVA_ARGS_APPEND",
              settings.heap()
                  + " -Dmidimo.broker.host=127.0.0.1 -Dmidimo.broker.port="
                  + settings.port());
      Process process = builder.start();
      awaitActive(process, console, logged);
      return new BrokerProcess(settings, process);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start the broker in " + settings.instance(), e);
    }
  }

  private static void create(Settings settings) throws IOException {
    Path artemis = settings.artemisHome().resolve("bin/artemis");
    if (!Files.isRegularFile(artemis)) {
      throw new IllegalStateException(
          artemis + " is missing: build the broker module first (mvn package)");
    }
    List<String> command = new ArrayList<>();
    command.addAll(List.of("bash", artemis.toString(), "create", settings.instance().toString()));
    // The user given here is replaced below: create writes it with a placeholder password, never
    // one of ours (its command line is visible to everyone).
    command.addAll(
        List.of(
            "--user",
            "placeholder",
            "--password",
            "placeholder",
            "--role",
            OPERATOR_ROLE,
            "--require-login",
            "--no-web",
            "--silent",
            "--no-autotune",
            "--no-amqp-acceptor",
            "--no-mqtt-acceptor",
            "--no-stomp-acceptor",
            "--no-hornetq-acceptor"));
    Processes.run(command, Duration.ofMinutes(1));
    Path etc = settings.instance().resolve("etc");
    Files.copy(
        settings.brokerXml(),
        etc.resolve("broker.xml"),
        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    StringBuilder users = new StringBuilder("# Written by the launcher.\n");
    StringBuilder roles = new StringBuilder("# Written by the launcher: role = users.\n");
    Map<String, List<String>> byRole = new LinkedHashMap<>();
    settings
        .users()
        .forEach(
            user -> {
              users.append(user.name()).append(" = ").append(user.password()).append('\n');
              user.groups()
                  .forEach(
                      role ->
                          byRole.computeIfAbsent(role, r -> new ArrayList<>()).add(user.name()));
            });
    byRole.forEach(
        (role, names) ->
            roles.append(role).append(" = ").append(String.join(",", names)).append('\n'));
    Secrets.write(etc.resolve("artemis-users.properties"), users.toString());
    Secrets.write(etc.resolve("artemis-roles.properties"), roles.toString());
  }

  private static void awaitActive(Process process, Path console, long from) throws IOException {
    long deadline = System.nanoTime() + STARTUP.toNanos();
    while (System.nanoTime() < deadline) {
      // Only what this start wrote: a restart appends to the same console log.
      if (Files.readString(console, StandardCharsets.UTF_8).indexOf(ACTIVE, (int) from) >= 0) {
        return;
      }
      if (!process.isAlive()) {
        throw new IllegalStateException(
            "the broker exited with " + process.exitValue() + ":\n" + Processes.tail(console, 30));
      }
      Processes.pause(100);
    }
    Processes.kill(process.toHandle());
    throw new IllegalStateException(
        "the broker did not start within " + STARTUP + "; see " + console);
  }

  public int port() {
    return settings.port();
  }

  /** The URL of its acceptor, for a JMS client or a node's connector. */
  public String url() {
    return "tcp://localhost:" + settings.port();
  }

  public Settings settings() {
    return settings;
  }

  public long pid() {
    return process.pid();
  }

  public boolean isAlive() {
    return process.isAlive();
  }

  /** SIGKILL, as a crash: the journal keeps what was synced. */
  public void kill() {
    Processes.kill(process.toHandle());
  }

  /** SIGTERM: the broker stops gracefully. */
  @Override
  public void close() {
    Processes.stop(process.toHandle(), STOP_GRACE);
  }

  @Override
  public String toString() {
    return "broker (pid " + process.pid() + ", port " + settings.port() + ")";
  }

  /**
   * How the broker is set up.
   *
   * @param artemisHome the unpacked distribution ({@code broker/target/apache-artemis-*})
   * @param brokerXml the broker's configuration ({@code broker/src/main/etc/broker.xml})
   * @param instance where its configuration, journal and logs go
   * @param users who may log in, with their roles (broker.xml's permissions name the roles)
   * @param heap e.g. {@code -Xms64m -Xmx512m}
   */
  public record Settings(
      Path artemisHome,
      Path brokerXml,
      Path instance,
      int port,
      List<ApplicationUser> users,
      String heap) {
    public Settings {
      artemisHome = artemisHome.toAbsolutePath();
      brokerXml = brokerXml.toAbsolutePath();
      instance = instance.toAbsolutePath();
      users = List.copyOf(users);
      Objects.requireNonNull(heap, "heap");
    }

    /** The distribution the build unpacked under {@code root/broker/target}. */
    public static Path artemisHome(Path root) {
      Path target = root.resolve("broker/target");
      try (var entries = Files.list(target)) {
        return entries
            .filter(path -> path.getFileName().toString().startsWith("apache-artemis-"))
            .findFirst()
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        "no Artemis in " + target + ": build the broker module (mvn package)"));
      } catch (IOException e) {
        throw new IllegalStateException(
            target + " is missing: build the broker module (mvn package)", e);
      }
    }

    /** The broker of the repository at {@code root}, its instance in {@code instance}. */
    public static Settings of(Path root, Path instance, int port, List<ApplicationUser> users) {
      return new Settings(
          artemisHome(root),
          root.resolve("broker/src/main/etc/broker.xml"),
          instance,
          port,
          users,
          "-Xms64m -Xmx512m");
    }

    @Override
    public String toString() {
      return "BrokerProcess.Settings[instance=" + instance + ", port=" + port + "]";
    }
  }
}
