package com.midimo.chat.benchmarks.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The provisioned WildFly ({@code wildfly-config/target/server}) with the EAR deployed, started as
 * {@code run.sh} starts it: a fresh copy of {@code standalone/} as its base directory, the JWT
 * secret in its secrets directory (never on a command line), the emulator's port and any other
 * setting as system properties, and its own port offset so it never meets a dev server or the
 * integration tests. Ready when the EAR is deployed and {@code /health/ready} answers 200, that is
 * when Midimo Chat (the emulator) answers.
 */
public final class WildFlyServer implements AutoCloseable {
  private static final Duration STARTUP = Duration.ofMinutes(3);
  private static final String EAR = "midimo-chat.ear";
  private static final Pattern POOL_SIZE = Pattern.compile("(\\d+) pooled channel\\(s\\)");

  /**
   * @param serverHome the provisioned server (JBOSS_HOME)
   * @param ear the application
   * @param portOffset added to 8080 (HTTP) and 9990 (management)
   * @param jvmOptions extra JVM options (e.g. a flight recording); empty keeps standalone.conf's
   */
  public record Settings(Path serverHome, Path ear, int portOffset, List<String> jvmOptions) {
    public int httpPort() {
      return 8080 + portOffset;
    }

    public int managementPort() {
      return 9990 + portOffset;
    }
  }

  /** The application user remote order-event producers log in as (messaging.cli). */
  public static final String ORDER_PUBLISHER = "order-publisher";

  private static final Duration CLI_TIMEOUT = Duration.ofMinutes(1);

  private final Settings settings;
  private final Process script;
  private final ProcessHandle java;
  private final Path baseDir;
  private final String orderPublisherPassword;

  private WildFlyServer(
      Settings settings,
      Process script,
      ProcessHandle java,
      Path baseDir,
      String orderPublisherPassword) {
    this.settings = settings;
    this.script = script;
    this.java = java;
    this.baseDir = baseDir;
    this.orderPublisherPassword = orderPublisherPassword;
  }

  /**
   * @param baseDir where this server's configuration, logs and data go (made afresh)
   * @param systemProperties e.g. midimo.chat.pool-size
   */
  public static WildFlyServer start(
      Settings settings,
      Path baseDir,
      int emulatorPort,
      String secret,
      Map<String, String> systemProperties) {
    Processes.requireFreePort(settings.httpPort(), "WildFly HTTP");
    Processes.requireFreePort(settings.managementPort(), "WildFly management");
    Path standalone = settings.serverHome().resolve("standalone");
    if (!Files.isDirectory(standalone) || !Files.isRegularFile(settings.ear())) {
      throw new IllegalStateException(
          standalone + " or " + settings.ear() + " is missing: build them first (BENCHMARKS.md)");
    }
    Process script;
    String orderPublisherPassword = randomPassword();
    Path pidFile = baseDir.resolveSibling(baseDir.getFileName() + ".pid");
    Path console = baseDir.resolveSibling(baseDir.getFileName() + "-console.log");
    try {
      Directories.deleteRecursively(baseDir);
      Files.deleteIfExists(pidFile);
      Directories.copyRecursively(standalone, baseDir);
      Files.copy(settings.ear(), baseDir.resolve("deployments").resolve(EAR));
      writeSecret(baseDir, secret);
      addOrderPublisher(settings.serverHome(), baseDir, orderPublisherPassword);

      List<String> command = new ArrayList<>();
      command.add(settings.serverHome().resolve("bin/standalone.sh").toString());
      command.add("-Djboss.server.base.dir=" + baseDir);
      command.add("-Djboss.socket.binding.port-offset=" + settings.portOffset());
      command.add("-Dmidimo.chat.port=" + emulatorPort);
      systemProperties.forEach((key, value) -> command.add("-D" + key + "=" + value));
      ProcessBuilder builder =
          new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(console.toFile());
      Map<String, String> environment = builder.environment();
      // The secret reaches WildFly through its secrets directory, not its environment.
      environment.remove("MIDIMO_CHAT_JWT_SECRET_KEY");
      environment.put("LAUNCH_JBOSS_IN_BACKGROUND", "1");
      environment.put("JBOSS_PIDFILE", pidFile.toString());
      environment.put("JAVA_HOME", System.getProperty("java.home"));
      if (!settings.jvmOptions().isEmpty()) {
        // Replaces standalone.conf's JAVA_OPTS: repeat its defaults, then add ours.
        environment.put(
            "JAVA_OPTS",
            "-Xms64m -Xmx512m -Djava.net.preferIPv4Stack=true"
                + " -Djboss.modules.system.pkgs=org.jboss.byteman -Djava.awt.headless=true "
                + String.join(" ", settings.jvmOptions()));
      }
      script = builder.start();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start WildFly from " + settings.serverHome(), e);
    }
    try {
      ProcessHandle java = awaitReady(settings, script, baseDir, pidFile, console);
      return new WildFlyServer(settings, script, java, baseDir, orderPublisherPassword);
    } catch (RuntimeException e) {
      stopQuietly(script, pidFile);
      throw e;
    }
  }

  private static void writeSecret(Path baseDir, String secret) throws IOException {
    Path dir = baseDir.resolve("configuration/midimo-chat-secrets");
    Files.createDirectories(dir);
    Path file = dir.resolve("midimo.chat.jwt.secret-key");
    Files.writeString(
        file,
        secret,
        StandardCharsets.UTF_8,
        StandardOpenOption.CREATE_NEW,
        StandardOpenOption.WRITE);
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
  }

  /** As run.sh does: the operator's way, add-user.sh into this server's configuration. */
  private static void addOrderPublisher(Path serverHome, Path baseDir, String password)
      throws IOException {
    run(
        List.of(
            serverHome.resolve("bin/add-user.sh").toString(),
            "-a",
            "-s",
            "-u",
            ORDER_PUBLISHER,
            "-g",
            ORDER_PUBLISHER,
            "-p",
            password,
            "-sc",
            baseDir.resolve("configuration").toString()),
        "add-user.sh");
  }

  private static String randomPassword() {
    byte[] bytes = new byte[24];
    new SecureRandom().nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  /** Runs a command to its end; its output, or an exception with it when it fails. */
  private static String run(List<String> command, String what) throws IOException {
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    try {
      if (!process.waitFor(CLI_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new IllegalStateException(what + " did not finish within " + CLI_TIMEOUT);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
      throw new IllegalStateException("interrupted while running " + what, e);
    }
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (process.exitValue() != 0) {
      throw new IllegalStateException(what + " failed (" + process.exitValue() + "): " + output);
    }
    return output;
  }

  /**
   * One management operation through jboss-cli.sh (local authentication, as an operator on this
   * machine), e.g. {@code /subsystem=...:read-attribute(name=message-count)}; its result ("" when
   * it has none).
   */
  public String cli(String operation) {
    try {
      String output =
          run(
              List.of(
                  settings.serverHome().resolve("bin/jboss-cli.sh").toString(),
                  "-c",
                  "--controller=localhost:" + settings.managementPort(),
                  "--command=" + operation),
              "jboss-cli.sh " + operation);
      if (!output.contains("\"outcome\" => \"success\"")) {
        throw new IllegalStateException(
            "management operation failed: " + operation + ": " + output);
      }
      Matcher result = CLI_RESULT.matcher(output);
      return result.find() ? result.group(1) : "";
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** {@code "result" => 0L} or {@code "result" => "text"}: the value without quotes. */
  private static final Pattern CLI_RESULT = Pattern.compile("\"result\" => \"?([^\",}\\s]+)");

  /** The messages in a JMS queue, those being delivered included. */
  public long queueDepth(String queue) {
    String value =
        cli(
            "/subsystem=messaging-activemq/server=default/jms-queue="
                + queue
                + ":read-attribute(name=message-count)");
    return Long.parseLong(value.replaceAll("L$", ""));
  }

  public int httpPort() {
    return settings.httpPort();
  }

  public String orderPublisherPassword() {
    return orderPublisherPassword;
  }

  private static ProcessHandle awaitReady(
      Settings settings, Process script, Path baseDir, Path pidFile, Path console) {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    URI ready = URI.create("http://localhost:" + settings.managementPort() + "/health/ready");
    Path deployments = baseDir.resolve("deployments");
    long deadline = System.nanoTime() + STARTUP.toNanos();
    while (System.nanoTime() < deadline) {
      if (!script.isAlive()) {
        throw new IllegalStateException(
            "WildFly exited with " + script.exitValue() + ":\n" + Processes.tail(console, 30));
      }
      if (Files.exists(deployments.resolve(EAR + ".failed"))) {
        throw new IllegalStateException(
            "the deployment failed; see "
                + baseDir.resolve("log/server.log")
                + ":\n"
                + Processes.tail(baseDir.resolve("log/server.log"), 30));
      }
      if (Files.exists(deployments.resolve(EAR + ".deployed")) && Files.exists(pidFile)) {
        try {
          int status =
              http.send(
                      HttpRequest.newBuilder(ready).timeout(Duration.ofSeconds(5)).build(),
                      HttpResponse.BodyHandlers.discarding())
                  .statusCode();
          if (status == 200) {
            long pid = Long.parseLong(Files.readString(pidFile).trim());
            return ProcessHandle.of(pid)
                .orElseThrow(() -> new IllegalStateException("WildFly's process is gone"));
          }
        } catch (IOException e) {
          // not listening yet
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException("interrupted while starting WildFly", e);
        }
      }
      try {
        Thread.sleep(250);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while starting WildFly", e);
      }
    }
    throw new IllegalStateException(
        "WildFly was not ready within " + STARTUP + "; see " + baseDir.resolve("log/server.log"));
  }

  /** The storefront API's base, e.g. {@code http://localhost:8380/chat/api/v1}. */
  public URI api() {
    return URI.create("http://localhost:" + settings.httpPort() + "/chat/api/v1");
  }

  /** The java process (not the start script): what RSS and CPU are read from. */
  public long pid() {
    return java.pid();
  }

  public Path baseDir() {
    return baseDir;
  }

  /** The pool size the application reports at deployment ("N pooled channel(s)"). */
  public Optional<Integer> deployedPoolSize() {
    try {
      Matcher matcher = POOL_SIZE.matcher(Files.readString(baseDir.resolve("log/server.log")));
      return matcher.find() ? Optional.of(Integer.parseInt(matcher.group(1))) : Optional.empty();
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  @Override
  public void close() {
    // SIGTERM to the JVM: WildFly shuts down gracefully (the script then exits by itself).
    Processes.stop(java, 30);
    Processes.stop(script.toHandle(), 10);
  }

  private static void stopQuietly(Process script, Path pidFile) {
    try {
      if (Files.exists(pidFile)) {
        ProcessHandle.of(Long.parseLong(Files.readString(pidFile).trim()))
            .ifPresent(handle -> Processes.stop(handle, 30));
      }
    } catch (IOException | RuntimeException e) {
      // best effort: the script's own stop below takes its child with it
    }
    script.toHandle().descendants().forEach(ProcessHandle::destroy);
    Processes.stop(script.toHandle(), 10);
  }
}
