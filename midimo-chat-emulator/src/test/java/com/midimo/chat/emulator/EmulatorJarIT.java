package com.midimo.chat.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.midimo.chat.emulator.v1.EmulatorControlGrpc;
import com.midimo.chat.emulator.v1.GetCallCountsRequest;
import com.midimo.chat.v1.ChatServiceGrpc;
import com.midimo.chat.v1.CreateThreadRequest;
import com.midimo.chat.v1.GetThreadMessagesRequest;
import com.midimo.chat.v1.Message;
import com.midimo.chat.v1.SendMessageRequest;
import com.midimo.chat.v1.Thread;
import io.grpc.ChannelCredentials;
import io.grpc.Grpc;
import io.grpc.InsecureChannelCredentials;
import io.grpc.ManagedChannel;
import io.grpc.TlsChannelCredentials;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthCheckResponse.ServingStatus;
import io.grpc.health.v1.HealthGrpc;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged jar, run as a person or a CI job runs it: {@code java -jar}, its own process, a real
 * TCP port (plaintext, then TLS), the secret from the environment, and SIGTERM to stop it.
 */
class EmulatorJarIT {
  private static final Pattern LISTENING =
      Pattern.compile(
          "Midimo Chat emulator listening on port (\\d+) \\((plaintext|TLS), fault control on\\)");

  /** 128 + SIGTERM: how a JVM that ran its shutdown hooks after `kill` exits. */
  private static final int EXIT_ON_SIGTERM = 143;

  @TempDir Path dir;
  private Process emulator;
  private final BlockingQueue<String> stdout = new LinkedBlockingQueue<>();
  private ManagedChannel channel;

  @AfterEach
  void stopEverything() throws InterruptedException {
    if (channel != null) {
      channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    }
    if (emulator != null && emulator.isAlive()) {
      emulator.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }
  }

  @Test
  void jar_servesPlaintextOnAFreePortAndStopsCleanly() throws Exception {
    int port = start(List.of(), "plaintext");
    channel =
        Grpc.newChannelBuilderForAddress("localhost", port, InsecureChannelCredentials.create())
            .build();

    String token = exercise(channel);

    assertStopsCleanly();
    String log = Files.readString(dir.resolve("emulator.log"));
    assertThat(log).contains("call method=midimo.chat.v1.ChatService/SendMessage status=OK");
    assertThat(log).doesNotContain(token).doesNotContain(TestTokens.SECRET);
  }

  @Test
  void jar_servesTlsWithTheGivenCertificateAndKey() throws Exception {
    Path[] certAndKey = selfSignedCertificate();
    int port =
        start(
            List.of("--tls-cert", certAndKey[0].toString(), "--tls-key", certAndKey[1].toString()),
            "TLS");
    ChannelCredentials tls =
        TlsChannelCredentials.newBuilder().trustManager(certAndKey[0].toFile()).build();
    channel = Grpc.newChannelBuilderForAddress("localhost", port, tls).build();

    exercise(channel);

    assertStopsCleanly();
  }

  /** Health, a thread and a message, and the call counts; returns the token used. */
  private static String exercise(ManagedChannel channel) {
    assertThat(
            HealthGrpc.newBlockingStub(channel)
                .withDeadlineAfter(10, TimeUnit.SECONDS)
                .check(HealthCheckRequest.getDefaultInstance())
                .getStatus())
        .isEqualTo(ServingStatus.SERVING);
    String token = TestTokens.valid(Clock.systemUTC());
    ChatServiceGrpc.ChatServiceBlockingStub chat =
        ChatServiceGrpc.newBlockingStub(channel)
            .withInterceptors(InProcessEmulator.bearer(token))
            .withDeadlineAfter(10, TimeUnit.SECONDS);
    Thread thread =
        chat.createThread(
            CreateThreadRequest.newBuilder()
                .setUserId("customer_1")
                .setTitle("Order help")
                .build());
    Message sent =
        chat.sendMessage(
            SendMessageRequest.newBuilder()
                .setThreadId(thread.getId())
                .setUserId("customer_1")
                .setContent("Where is my order?")
                .build());
    assertThat(
            chat.getThreadMessages(
                    GetThreadMessagesRequest.newBuilder().setThreadId(thread.getId()).build())
                .getMessagesList())
        .containsExactly(sent);
    assertThat(
            EmulatorControlGrpc.newBlockingStub(channel)
                .getCallCounts(GetCallCountsRequest.getDefaultInstance())
                .getMethodsOrThrow("midimo.chat.v1.ChatService/SendMessage")
                .getOk())
        .isEqualTo(1);
    return token;
  }

  /** Starts the jar on port 0 and returns the port its first line names. */
  private int start(List<String> extraArgs, String transport) throws Exception {
    Path jar = Path.of(System.getProperty("emulator.jar", "target/midimo-chat-emulator.jar"));
    assertThat(jar).exists();
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(List.of("-jar", jar.toString(), "--port", "0", "--fault-control"));
    command.addAll(extraArgs);
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().put("MIDIMO_CHAT_JWT_SECRET_KEY", TestTokens.SECRET);
    builder.environment().remove("MIDIMO_CHAT_PORT");
    builder.redirectError(dir.resolve("emulator.log").toFile());
    emulator = builder.start();
    java.lang.Thread reader =
        new java.lang.Thread(
            () -> {
              try (BufferedReader lines =
                  new BufferedReader(
                      new InputStreamReader(emulator.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = lines.readLine()) != null) {
                  stdout.add(line);
                }
              } catch (IOException e) {
                // The process is gone; what it printed is already queued.
              }
            },
            "emulator-stdout");
    reader.setDaemon(true);
    reader.start();

    String first = stdout.poll(60, TimeUnit.SECONDS);
    assertThat(first)
        .as("the emulator's first line (log: %s)", dir.resolve("emulator.log"))
        .isNotNull();
    Matcher matcher = LISTENING.matcher(first);
    assertThat(matcher.matches()).as("first line: %s", first).isTrue();
    assertThat(matcher.group(2)).isEqualTo(transport);
    return Integer.parseInt(matcher.group(1));
  }

  private void assertStopsCleanly() throws InterruptedException, IOException {
    channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    // SIGTERM. Process.destroy() would also close our end of its stdout, losing the last line.
    assertThat(emulator.toHandle().destroy()).isTrue();
    assertThat(emulator.waitFor(20, TimeUnit.SECONDS)).as("stopped within 20 s").isTrue();
    String log = Files.readString(dir.resolve("emulator.log"));
    assertThat(emulator.exitValue()).as("exit code (log: %s)", log).isEqualTo(EXIT_ON_SIGTERM);
    assertThat(stdout.poll(5, TimeUnit.SECONDS))
        .as("last line (log: %s)", log)
        .isEqualTo("Midimo Chat emulator stopped");
  }

  /** A certificate for localhost and its PKCS#8 key, as PEM files, made with the JDK's keytool. */
  private Path[] selfSignedCertificate() throws Exception {
    Path keystore = dir.resolve("tls.p12");
    char[] password = "changeit".toCharArray();
    Process keytool =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair",
                "-alias",
                "emulator",
                "-keyalg",
                "EC",
                "-groupname",
                "secp256r1",
                "-dname",
                "CN=localhost",
                "-ext",
                "SAN=dns:localhost,ip:127.0.0.1",
                "-validity",
                "2",
                "-storetype",
                "PKCS12",
                "-keystore",
                keystore.toString(),
                "-storepass",
                "changeit",
                "-keypass",
                "changeit")
            .redirectErrorStream(true)
            .start();
    String output = new String(keytool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(keytool.waitFor()).as("keytool: %s", output).isZero();

    KeyStore store = KeyStore.getInstance("PKCS12");
    try (var in = Files.newInputStream(keystore)) {
      store.load(in, password);
    }
    PrivateKey key = (PrivateKey) store.getKey("emulator", password);
    Path cert =
        Files.writeString(
            dir.resolve("cert.pem"),
            pem("CERTIFICATE", store.getCertificate("emulator").getEncoded()));
    Path keyFile = Files.writeString(dir.resolve("key.pem"), pem("PRIVATE KEY", key.getEncoded()));
    return new Path[] {cert, keyFile};
  }

  private static String pem(String type, byte[] der) {
    String body =
        Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
    return "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n";
  }
}
