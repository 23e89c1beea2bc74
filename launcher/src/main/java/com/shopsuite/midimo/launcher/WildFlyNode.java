package com.shopsuite.midimo.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A running WildFly, started by {@code bin/standalone.sh} on a {@link ServerBase}: the provisioned
 * server's own start script and {@code standalone.conf}, with the base directory, port offset and
 * system properties as arguments, the heap in {@code JBOSS_JAVA_SIZING} (which {@code
 * standalone.conf} reads), extra JVM options in a run configuration of the node's own ({@code
 * RUN_CONF}: {@code standalone.conf}, then the options), and no secret in its environment or
 * command line.
 *
 * <p>Ready when every deployment is deployed and {@code /health/ready} answers 200 (so, with the
 * application deployed, when Midimo Chat answers too).
 */
public final class WildFlyNode implements AutoCloseable {

  private static final Duration STOP_GRACE = Duration.ofSeconds(30);
  private static final Duration CLI_TIMEOUT = Duration.ofMinutes(1);
  private static final Pattern CLI_RESULT = Pattern.compile("\"result\" => \"?([^\",}\\s]+)");

  private final ServerBase.Settings settings;
  private final Process script;
  private final ProcessHandle java;

  private WildFlyNode(ServerBase.Settings settings, Process script, ProcessHandle java) {
    this.settings = settings;
    this.script = script;
    this.java = java;
  }

  static WildFlyNode start(ServerBase.Settings settings, Duration timeout) {
    Processes.requireFreePort(settings.httpPort(), settings.name() + " HTTP");
    Processes.requireFreePort(settings.managementPort(), settings.name() + " management");
    Path pidFile = settings.baseDir().resolve("wildfly.pid");
    Path console = settings.baseDir().resolve("log/console.log");
    List<String> command = new ArrayList<>();
    command.add(settings.serverHome().resolve("bin/standalone.sh").toString());
    command.add("-Djboss.server.base.dir=" + settings.baseDir());
    command.add("-Djboss.socket.binding.port-offset=" + settings.portOffset());
    settings.systemProperties().forEach((key, value) -> command.add("-D" + key + "=" + value));
    if (!settings.secretSystemProperties().isEmpty()) {
      command.add(
          "--properties="
              + settings.baseDir().resolve("configuration").resolve(ServerBase.SECRET_PROPERTIES));
    }
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(console.toFile()));
    Map<String, String> environment = builder.environment();
    // Secrets reach WildFly through its secrets directory only.
    environment.remove("MIDIMO_CHAT_JWT_SECRET_KEY");
    environment.remove("JAVA_OPTS");
    environment.put("LAUNCH_JBOSS_IN_BACKGROUND", "1");
    environment.put("JBOSS_PIDFILE", pidFile.toString());
    environment.put("JAVA_HOME", System.getProperty("java.home"));
    environment.put("JBOSS_JAVA_SIZING", settings.heap());
    Process script;
    try {
      environment.put("RUN_CONF", runConfiguration(settings).toString());
      Files.deleteIfExists(pidFile);
      script = builder.start();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start " + settings.name(), e);
    }
    try {
      ProcessHandle java = awaitReady(settings, script, pidFile, console, timeout);
      return new WildFlyNode(settings, script, java);
    } catch (RuntimeException e) {
      Processes.kill(script.toHandle());
      throw e;
    }
  }

  /** {@code standalone.conf} as provisioned, then this node's own JVM options. */
  private static Path runConfiguration(ServerBase.Settings settings) throws IOException {
    StringBuilder conf = new StringBuilder();
    conf.append(
        "# Written by the launcher: the provisioned standalone.conf, then this node's options.\n");
    conf.append(". \"").append(settings.serverHome().resolve("bin/standalone.conf")).append("\"\n");
    for (String option : settings.jvmOptions()) {
      conf.append("JAVA_OPTS=\"$JAVA_OPTS ").append(option.replace("\"", "\\\"")).append("\"\n");
    }
    return Files.writeString(settings.baseDir().resolve("node.conf"), conf);
  }

  private static ProcessHandle awaitReady(
      ServerBase.Settings settings, Process script, Path pidFile, Path console, Duration timeout) {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    URI ready = URI.create("http://localhost:" + settings.managementPort() + "/health/ready");
    Path deployments = settings.baseDir().resolve("deployments");
    Path serverLog = settings.baseDir().resolve("log/server.log");
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (!script.isAlive()) {
        throw new IllegalStateException(
            settings.name()
                + " exited with "
                + script.exitValue()
                + ":\n"
                + Processes.tail(console, 30));
      }
      boolean deployed = true;
      for (Path deployment : settings.deployments()) {
        String name = deployment.getFileName().toString();
        if (Files.exists(deployments.resolve(name + ".failed"))) {
          throw new IllegalStateException(
              name
                  + " failed to deploy on "
                  + settings.name()
                  + "; see "
                  + serverLog
                  + ":\n"
                  + Processes.tail(serverLog, 30));
        }
        deployed &= Files.exists(deployments.resolve(name + ".deployed"));
      }
      if (deployed && Files.exists(pidFile) && status(http, ready) == 200) {
        try {
          long pid = Long.parseLong(Files.readString(pidFile).trim());
          return ProcessHandle.of(pid)
              .orElseThrow(() -> new IllegalStateException(settings.name() + " is gone"));
        } catch (IOException | NumberFormatException e) {
          // the script is still writing it
        }
      }
      Processes.pause(250);
    }
    throw new IllegalStateException(
        settings.name() + " was not ready within " + timeout + "; see " + serverLog);
  }

  private static int status(HttpClient http, URI uri) {
    try {
      return http.send(
              HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5)).build(),
              HttpResponse.BodyHandlers.discarding())
          .statusCode();
    } catch (IOException e) {
      return 0;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for WildFly", e);
    }
  }

  /**
   * One management operation through {@code jboss-cli.sh} (local authentication, as an operator on
   * this machine), e.g. {@code /subsystem=...:read-attribute(name=message-count)}; its result, or
   * "" when it has none.
   */
  public String cli(String operation) {
    String output =
        Processes.run(
            List.of(
                settings.serverHome().resolve("bin/jboss-cli.sh").toString(),
                "-c",
                "--controller=localhost:" + settings.managementPort(),
                "--command=" + operation),
            CLI_TIMEOUT);
    if (!output.contains("\"outcome\" => \"success\"")) {
      throw new IllegalStateException("management operation failed: " + operation + ": " + output);
    }
    Matcher result = CLI_RESULT.matcher(output);
    return result.find() ? result.group(1) : "";
  }

  public String name() {
    return settings.name();
  }

  public int httpPort() {
    return settings.httpPort();
  }

  public int managementPort() {
    return settings.managementPort();
  }

  /** The storefront API, e.g. {@code http://localhost:8080/chat/api/v1}. */
  public URI api() {
    return URI.create("http://localhost:" + settings.httpPort() + "/chat/api/v1");
  }

  public Path baseDir() {
    return settings.baseDir();
  }

  /** A file of the server's log directory, e.g. {@code server.log}. */
  public Path log(String file) {
    return settings.baseDir().resolve("log").resolve(file);
  }

  /** The server's JVM (not its start script): what memory and CPU are read from. */
  public long pid() {
    return java.pid();
  }

  public boolean isAlive() {
    return java.isAlive();
  }

  /** SIGKILL, as a crash: nothing is flushed or closed. */
  public void kill() {
    Processes.kill(java);
    Processes.kill(script.toHandle());
  }

  /** SIGTERM: WildFly shuts down gracefully, the script exits by itself. */
  @Override
  public void close() {
    Processes.stop(java, STOP_GRACE);
    Processes.stop(script.toHandle(), Duration.ofSeconds(10));
  }

  @Override
  public String toString() {
    return settings.name() + " (pid " + java.pid() + ", HTTP " + settings.httpPort() + ")";
  }
}
