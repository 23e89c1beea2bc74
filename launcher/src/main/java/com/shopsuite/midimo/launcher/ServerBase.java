package com.shopsuite.midimo.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * A WildFly base directory ({@code jboss.server.base.dir}) prepared from the provisioned server
 * ({@code wildfly-config/target/server}): a fresh copy of its {@code standalone/} configuration,
 * the deployments, the secrets in the secrets directory (a MicroProfile Config source, see
 * wildfly-config's {@code secrets.cli}), and the application users. {@link #start()} runs a node on
 * it; after a node was killed, {@link #start()} runs one again on the same directory, as an
 * operator restarting a crashed server would.
 */
public final class ServerBase {

  /** The directory of the secrets config source, inside {@code configuration/}. */
  public static final String SECRETS_DIR = "midimo-chat-secrets";

  /**
   * System properties that are secrets of the server's own configuration (a credential-reference of
   * the management model, e.g. the broker password of remote-messaging.cli), loaded by {@code
   * standalone.sh --properties}: never on a command line. Mode 0600.
   */
  public static final String SECRET_PROPERTIES = "secret-system.properties";

  private final Settings settings;

  private ServerBase(Settings settings) {
    this.settings = settings;
  }

  /** Makes {@code settings.baseDir()} afresh (whatever was there is deleted) and fills it. */
  public static ServerBase prepare(Settings settings) {
    Path standalone = settings.serverHome.resolve("standalone");
    if (!Files.isDirectory(standalone.resolve("configuration"))) {
      throw new IllegalStateException(
          standalone + " is not a provisioned server: build it first (mvn package)");
    }
    for (Path deployment : settings.deployments) {
      if (!Files.isRegularFile(deployment)) {
        throw new IllegalStateException(deployment + " is missing: build it first (mvn package)");
      }
    }
    try {
      Directories.deleteRecursively(settings.baseDir);
      copyConfiguration(standalone, settings.baseDir);
      Path deployments = Files.createDirectories(settings.baseDir.resolve("deployments"));
      for (Path deployment : settings.deployments) {
        Files.copy(deployment, deployments.resolve(deployment.getFileName()));
      }
      Path configuration = settings.baseDir.resolve("configuration");
      settings.secrets.forEach(
          (key, value) -> Secrets.write(configuration.resolve(SECRETS_DIR).resolve(key), value));
      settings.users.forEach(user -> user.addTo(configuration));
      if (!settings.secretSystemProperties.isEmpty()) {
        StringBuilder properties = new StringBuilder();
        settings.secretSystemProperties.forEach(
            (key, value) -> properties.append(key).append('=').append(value).append('\n'));
        Secrets.write(configuration.resolve(SECRET_PROPERTIES), properties.toString());
      }
      for (Map.Entry<String, Path> file : settings.configurationFiles.entrySet()) {
        Files.copy(file.getValue(), configuration.resolve(file.getKey()));
      }
      Files.createDirectories(settings.baseDir.resolve("log"));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot prepare " + settings.baseDir, e);
    }
    return new ServerBase(settings);
  }

  /** Starts a node on this base directory and waits until it is ready (3 minutes at most). */
  public WildFlyNode start() {
    return WildFlyNode.start(settings, Duration.ofMinutes(3));
  }

  public Settings settings() {
    return settings;
  }

  /** The provisioned configuration, without what a run leaves behind. */
  private static void copyConfiguration(Path standalone, Path baseDir) throws IOException {
    List<String> skipped = List.of("data", "log", "tmp", "deployments");
    try (Stream<Path> paths = Files.walk(standalone)) {
      for (Path source : paths.toList()) {
        Path relative = standalone.relativize(source);
        if (relative.getNameCount() > 0
            && (skipped.contains(relative.getName(0).toString())
                || relative.startsWith("configuration/standalone_xml_history")
                || relative.startsWith("configuration/" + SECRETS_DIR))) {
          continue;
        }
        Path target = baseDir.resolve(relative.toString());
        if (Files.isDirectory(source)) {
          Files.createDirectories(target);
        } else {
          Files.copy(source, target);
        }
      }
    }
  }

  /**
   * How a node is set up and started. Built with {@link #builder(Path, Path)}.
   *
   * @param name how logs and errors call the node, e.g. {@code node-1}
   */
  public record Settings(
      String name,
      Path serverHome,
      Path baseDir,
      int portOffset,
      List<Path> deployments,
      Map<String, String> secrets,
      List<ApplicationUser> users,
      Map<String, Path> configurationFiles,
      Map<String, String> systemProperties,
      Map<String, String> secretSystemProperties,
      String heap,
      List<String> jvmOptions) {

    public Settings {
      Objects.requireNonNull(name, "name");
      serverHome = serverHome.toAbsolutePath();
      baseDir = baseDir.toAbsolutePath();
      deployments = deployments.stream().map(Path::toAbsolutePath).toList();
      secrets = Map.copyOf(secrets);
      users = List.copyOf(users);
      configurationFiles = Map.copyOf(configurationFiles);
      systemProperties = Map.copyOf(systemProperties);
      secretSystemProperties = Map.copyOf(secretSystemProperties);
      jvmOptions = List.copyOf(jvmOptions);
    }

    public int httpPort() {
      return 8080 + portOffset;
    }

    public int managementPort() {
      return 9990 + portOffset;
    }

    /**
     * @param serverHome the provisioned server (JBOSS_HOME)
     * @param baseDir where this node's configuration, data and logs go
     */
    public static Builder builder(Path serverHome, Path baseDir) {
      return new Builder(serverHome, baseDir);
    }

    @Override
    public String toString() {
      return "Settings[name=" + name + ", baseDir=" + baseDir + ", portOffset=" + portOffset + "]";
    }
  }

  /** Collects a node's settings; everything but the two directories is optional. */
  public static final class Builder {
    private final Path serverHome;
    private final Path baseDir;
    private String name = "wildfly";
    private int portOffset;
    private final List<Path> deployments = new ArrayList<>();
    private final Map<String, String> secrets = new LinkedHashMap<>();
    private final List<ApplicationUser> users = new ArrayList<>();
    private final Map<String, Path> configurationFiles = new LinkedHashMap<>();
    private final Map<String, String> systemProperties = new LinkedHashMap<>();
    private final Map<String, String> secretSystemProperties = new LinkedHashMap<>();
    private boolean remoteBroker;
    private String heap = "-Xms64m -Xmx512m";
    private final List<String> jvmOptions = new ArrayList<>();

    private Builder(Path serverHome, Path baseDir) {
      this.serverHome = Objects.requireNonNull(serverHome, "serverHome");
      this.baseDir = Objects.requireNonNull(baseDir, "baseDir");
    }

    public Builder name(String name) {
      this.name = name;
      return this;
    }

    /** Added to every port: HTTP 8080 + offset, management 9990 + offset. */
    public Builder portOffset(int offset) {
      this.portOffset = offset;
      return this;
    }

    /** An archive to deploy at boot (deployment scanner); ready waits until it is deployed. */
    public Builder deploy(Path archive) {
      deployments.add(archive);
      return this;
    }

    /** A setting for the secrets directory: never a system property, never a command line. */
    public Builder secret(String key, String value) {
      secrets.put(key, value);
      return this;
    }

    public Builder user(ApplicationUser user) {
      users.add(user);
      return this;
    }

    /** A file copied into the configuration directory, e.g. a public key the server trusts. */
    public Builder configurationFile(String name, Path source) {
      configurationFiles.put(name, source);
      return this;
    }

    public Builder systemProperty(String key, String value) {
      systemProperties.put(key, value);
      return this;
    }

    /**
     * A node of the remote-broker server ({@code wildfly-config/target/server-remote-broker}):
     * where its broker is and how it logs in (remote-messaging.cli), the password in {@link
     * #SECRET_PROPERTIES}; the node's name becomes its transaction-manager identifier.
     */
    public Builder broker(int port, String user, String password) {
      remoteBroker = true;
      systemProperties.put("jboss.messaging.connector.host", "localhost");
      systemProperties.put("jboss.messaging.connector.port", Integer.toString(port));
      systemProperties.put("midimo.broker.user", user);
      secretSystemProperties.put("midimo.broker.password", password);
      return this;
    }

    /** Heap options, in place of standalone.conf's {@code -Xms64m -Xmx512m}. */
    public Builder heap(String heap) {
      this.heap = heap;
      return this;
    }

    /** More JVM options, added to standalone.conf's (e.g. a flight recording). */
    public Builder jvmOption(String option) {
      jvmOptions.add(option);
      return this;
    }

    public Settings build() {
      if (remoteBroker) {
        // One transaction-manager identity per node on the shared broker (remote-messaging.cli).
        systemProperties.putIfAbsent("jboss.tx.node.id", name);
      }
      return new Settings(
          name,
          serverHome,
          baseDir,
          portOffset,
          deployments,
          secrets,
          users,
          configurationFiles,
          systemProperties,
          secretSystemProperties,
          heap,
          jvmOptions);
    }
  }
}
