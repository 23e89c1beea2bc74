package com.midimo.chat.emulator;

import com.midimo.chat.emulator.auth.JwtKeys;
import com.midimo.chat.emulator.logging.AsyncLineHandler;
import io.grpc.InsecureServerCredentials;
import io.grpc.ServerBuilder;
import io.grpc.ServerCredentials;
import io.grpc.TlsServerCredentials;
import io.grpc.netty.NettyServerBuilder;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code java -jar midimo-chat-emulator.jar}: serves the emulator on a port until stopped. Every
 * flag also reads an environment variable (the flag wins); the JWT secret is only ever read from
 * the environment, since a flag would show in {@code ps}.
 */
@Command(
    name = "midimo-chat-emulator",
    mixinStandardHelpOptions = true,
    version = "Midimo Chat emulator 1.0",
    sortOptions = false,
    usageHelpAutoWidth = true,
    description = {
      "Serves the Midimo Chat v1 services (chat, presence, notification) from memory, with gRPC"
          + " health and server reflection, for local runs and tests.",
      "Prints 'Midimo Chat emulator listening on port <port> (<plaintext|TLS>, fault control"
          + " <on|off>)' once it serves; stops gracefully on SIGTERM or Ctrl-C.",
      ""
    },
    footerHeading = "%nEnvironment (the secret is never a flag: flags show in ps):%n",
    footer = {
      "  " + JwtKeys.PRIMARY_KEY_ENV + "  Required. The HS256 secret shared with the",
      "      application, at least 32 bytes (UTF-8). Tokens without a 'kid' use it.",
      "  " + JwtKeys.KEY_ID_VARIABLE + "  The key id of that secret (default: primary).",
      "  Every flag above also reads the variable it names; the flag wins.",
      "",
      "Tokens: 'authorization: Bearer <JWT>', HS256, aud 'midimo-chat', iss as",
      "--jwt-issuer, exp (60 s clock skew), and the scope of the service called:",
      "'chat:write', 'presence:write' or 'notification:write'. Health, reflection",
      "and EmulatorControl need no token."
    })
public final class MidimoChatEmulator implements Callable<Integer> {
  @Spec private CommandSpec spec;

  @Option(
      names = "--host",
      defaultValue = "${env:MIDIMO_EMULATOR_HOST:-127.0.0.1}",
      description =
          "Address to listen on: loopback unless told otherwise, since fault control lets anyone"
              + " who reaches the port stop the service; 0.0.0.0 for every interface."
              + " Env: MIDIMO_EMULATOR_HOST. Default: 127.0.0.1.")
  private String host;

  @Option(
      names = "--port",
      defaultValue = "${env:MIDIMO_CHAT_PORT:-50051}",
      description = "Port to listen on; 0 picks a free one. Env: MIDIMO_CHAT_PORT. Default: 50051.")
  private int port;

  @Option(
      names = "--tls-cert",
      paramLabel = "<pem>",
      defaultValue = "${env:MIDIMO_CHAT_TLS_CERT}",
      description =
          "Serve TLS with this PEM certificate chain (needs --tls-key). Env: MIDIMO_CHAT_TLS_CERT.")
  private Path tlsCert;

  @Option(
      names = "--tls-key",
      paramLabel = "<pem>",
      defaultValue = "${env:MIDIMO_CHAT_TLS_KEY}",
      description = "The PEM (PKCS#8) private key of --tls-cert. Env: MIDIMO_CHAT_TLS_KEY.")
  private Path tlsKey;

  @Option(
      names = "--jwt-issuer",
      defaultValue = "${env:MIDIMO_CHAT_JWT_ISSUER:-" + EmulatorConfig.DEFAULT_JWT_ISSUER + "}",
      description =
          "The 'iss' tokens must carry. Env: MIDIMO_CHAT_JWT_ISSUER. Default: e-commerce.")
  private String jwtIssuer;

  @Option(
      names = "--jwt-keys-file",
      paramLabel = "<file>",
      defaultValue = "${env:MIDIMO_CHAT_JWT_KEYS_FILE}",
      description =
          "More HS256 keys, as a Java properties file of 'kid=secret' lines, picked by the token's"
              + " 'kid' header (key rotation). Env: MIDIMO_CHAT_JWT_KEYS_FILE.")
  private Path jwtKeysFile;

  @Option(
      names = "--fault-control",
      arity = "0..1",
      paramLabel = "<true|false>",
      fallbackValue = "true",
      defaultValue = "${env:MIDIMO_EMULATOR_FAULT_CONTROL:-false}",
      description =
          "Serve the EmulatorControl service (latency, failures, outage, reset, call counts)."
              + " Env: MIDIMO_EMULATOR_FAULT_CONTROL=true. Default: off.")
  private boolean faultControl;

  @Option(
      names = "--typing-timeout",
      paramLabel = "<duration>",
      converter = DurationConverter.class,
      defaultValue = "${env:MIDIMO_EMULATOR_TYPING_TIMEOUT:-10s}",
      description =
          "How long typing lasts unless refreshed, e.g. 10s, 500ms, PT1M."
              + " Env: MIDIMO_EMULATOR_TYPING_TIMEOUT. Default: 10s.")
  private Duration typingTimeout;

  @Option(
      names = "--max-threads",
      defaultValue = "${env:MIDIMO_EMULATOR_MAX_THREADS:-100000}",
      description =
          "Threads held before CreateThread is RESOURCE_EXHAUSTED."
              + " Env: MIDIMO_EMULATOR_MAX_THREADS. Default: 100000.")
  private long maxThreads;

  @Option(
      names = "--max-messages",
      defaultValue = "${env:MIDIMO_EMULATOR_MAX_MESSAGES:-1000000}",
      description =
          "Messages held before SendMessage is RESOURCE_EXHAUSTED."
              + " Env: MIDIMO_EMULATOR_MAX_MESSAGES. Default: 1000000.")
  private long maxMessages;

  @Option(
      names = "--max-notifications",
      defaultValue = "${env:MIDIMO_EMULATOR_MAX_NOTIFICATIONS:-1000000}",
      description =
          "Notifications held before SendNotification is RESOURCE_EXHAUSTED."
              + " Env: MIDIMO_EMULATOR_MAX_NOTIFICATIONS. Default: 1000000.")
  private long maxNotifications;

  @Option(
      names = "--max-presences",
      defaultValue = "${env:MIDIMO_EMULATOR_MAX_PRESENCES:-1000000}",
      description =
          "Users with a presence before UpdatePresence of a new user is RESOURCE_EXHAUSTED."
              + " Env: MIDIMO_EMULATOR_MAX_PRESENCES. Default: 1000000.")
  private long maxPresences;

  @Option(
      names = "--max-concurrent-streams",
      defaultValue = "${env:MIDIMO_EMULATOR_MAX_CONCURRENT_STREAMS:-0}",
      description =
          "Concurrent calls (HTTP/2 streams) a client connection may have, as a real gRPC server"
              + " limits them (commonly 100); further calls wait for a free stream. 0: no limit."
              + " Env: MIDIMO_EMULATOR_MAX_CONCURRENT_STREAMS. Default: 0.")
  private int maxConcurrentStreams;

  @Option(
      names = "--quiet",
      arity = "0..1",
      paramLabel = "<true|false>",
      fallbackValue = "true",
      defaultValue = "${env:MIDIMO_EMULATOR_QUIET:-false}",
      description =
          "No log line per call (for benchmarks). Env: MIDIMO_EMULATOR_QUIET=true. Default: off.")
  private boolean quiet;

  private final Map<String, String> environment;
  private final PrintStream out;
  private final PrintStream err;

  /**
   * @param environment where the JWT secret and its key id are read from
   */
  MidimoChatEmulator(Map<String, String> environment, PrintStream out, PrintStream err) {
    this.environment = environment;
    this.out = out;
    this.err = err;
  }

  public static void main(String[] args) {
    logOneLinePerRecord();
    CommandLine commandLine =
        new CommandLine(new MidimoChatEmulator(System.getenv(), System.out, System.err));
    System.exit(commandLine.execute(args));
  }

  /** Serves until the JVM is stopped; returns only on a configuration or start-up error. */
  @Override
  public Integer call() throws InterruptedException {
    EmulatorConfig config;
    ServerBuilder<?> serverBuilder;
    try {
      config = config();
      NettyServerBuilder netty =
          NettyServerBuilder.forAddress(new InetSocketAddress(host, port), credentials());
      if (maxConcurrentStreams > 0) {
        netty.maxConcurrentCallsPerConnection(maxConcurrentStreams);
      }
      serverBuilder = netty;
    } catch (IllegalArgumentException | IOException e) {
      // Messages name the variable or file at fault, never a secret.
      err.println("Midimo Chat emulator: " + e.getMessage());
      return CommandLine.ExitCode.USAGE;
    }
    ExecutorService handlers = EmulatorServer.newHandlerExecutor();
    EmulatorServer server = new EmulatorServer(serverBuilder.executor(handlers), config);
    try {
      server.start();
    } catch (IOException e) {
      err.println(
          "Midimo Chat emulator: cannot listen on "
              + host
              + " port "
              + port
              + ": "
              + e.getMessage());
      handlers.shutdownNow();
      return CommandLine.ExitCode.SOFTWARE;
    }
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  try {
                    server.stop();
                  } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                  }
                  handlers.shutdownNow();
                  // Printed, not logged: the JVM's own hook may have closed the log handlers.
                  out.println("Midimo Chat emulator stopped");
                },
                "midimo-emulator-shutdown"));
    out.printf(
        "Midimo Chat emulator listening on port %d (%s, fault control %s)%n",
        server.port(), tlsCert != null ? "TLS" : "plaintext", faultControl ? "on" : "off");
    out.flush();
    server.blockUntilShutdown();
    return CommandLine.ExitCode.OK;
  }

  private EmulatorConfig config() throws IOException {
    if (maxConcurrentStreams < 0) {
      throw new ParameterException(spec.commandLine(), "--max-concurrent-streams must be >= 0");
    }
    if (port < 0 || port > 65_535) {
      throw new ParameterException(spec.commandLine(), "--port must be between 0 and 65535");
    }
    if ((tlsCert == null) != (tlsKey == null)) {
      throw new ParameterException(
          spec.commandLine(), "--tls-cert and --tls-key go together: give both or neither");
    }
    JwtKeys keys = JwtKeys.fromEnvironment(environment);
    if (jwtKeysFile != null) {
      keys = keys.withKeysFile(jwtKeysFile);
    }
    try {
      return EmulatorConfig.builder(keys)
          .jwtIssuer(jwtIssuer)
          .faultControl(faultControl)
          .callLog(!quiet)
          .typingTimeout(typingTimeout)
          .maxThreads(maxThreads)
          .maxMessages(maxMessages)
          .maxNotifications(maxNotifications)
          .maxPresences(maxPresences)
          .build();
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
  }

  private ServerCredentials credentials() throws IOException {
    if (tlsCert == null) {
      return InsecureServerCredentials.create();
    }
    return TlsServerCredentials.create(tlsCert.toFile(), tlsKey.toFile());
  }

  /**
   * The call log (and gRPC's own warnings) as one line per record on standard error, written by a
   * background thread so that logging every call does not slow the calls.
   */
  private static void logOneLinePerRecord() {
    AsyncLineHandler.replaceRootHandlers(System.err);
  }

  /** Reads "10s", "500ms", "2m" or ISO-8601 ("PT10S"). */
  static final class DurationConverter implements CommandLine.ITypeConverter<Duration> {
    @Override
    public Duration convert(String value) {
      String text = value.trim().toLowerCase(Locale.ROOT);
      try {
        if (text.startsWith("p")) {
          return Duration.parse(text.toUpperCase(Locale.ROOT));
        }
        if (text.endsWith("ms")) {
          return Duration.ofMillis(Long.parseLong(text.substring(0, text.length() - 2)));
        }
        if (text.endsWith("s")) {
          return Duration.ofSeconds(Long.parseLong(text.substring(0, text.length() - 1)));
        }
        if (text.endsWith("m")) {
          return Duration.ofMinutes(Long.parseLong(text.substring(0, text.length() - 1)));
        }
        return Duration.ofSeconds(Long.parseLong(text));
      } catch (NumberFormatException | DateTimeParseException e) {
        throw new CommandLine.TypeConversionException(
            "'" + value + "' is not a duration such as 10s, 500ms, 2m or PT1M");
      }
    }
  }
}
