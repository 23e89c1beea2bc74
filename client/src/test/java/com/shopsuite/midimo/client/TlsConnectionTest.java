package com.shopsuite.midimo.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.midimo.chat.emulator.EmulatorConfig;
import com.midimo.chat.emulator.EmulatorServer;
import com.midimo.chat.emulator.auth.JwtKeys;
import com.shopsuite.midimo.chat.ChatThread;
import com.shopsuite.midimo.error.ServiceUnavailableException;
import io.grpc.TlsServerCredentials;
import io.grpc.netty.NettyServerBuilder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * TLS to Midimo Chat, as production runs it ({@code midimo.chat.secure=true}): the client's own
 * channel pool against the emulator serving TLS on a real port, with certificates made here by the
 * JDK's keytool. A certificate trusted through {@code midimo.chat.tls.trust-certificates} is
 * accepted; one that is not trusted, or that names another host, is refused with an error saying
 * so.
 */
class TlsConnectionTest {

  @TempDir Path dir;

  private EmulatorServer server;

  @AfterEach
  void stop() throws InterruptedException {
    if (server != null) {
      server.stop();
    }
  }

  @Test
  void aTrustedCertificate_forThisHost_carriesCalls() throws Exception {
    Certificate localhost = certificate("localhost", "dns:localhost,ip:127.0.0.1");
    int port = serve(localhost);

    try (MidimoChatClient client = client(port, localhost.cert())) {
      ChatThread thread = client.createThread("cust_1", "Over TLS", List.of(), Map.of());
      assertThat(thread.id()).isNotBlank();
    }
  }

  @Test
  void aCertificateThatIsNotTrusted_isRefused_sayingWhy() throws Exception {
    Certificate served = certificate("localhost", "dns:localhost,ip:127.0.0.1");
    Certificate somethingElse = certificate("localhost", "dns:localhost,ip:127.0.0.1");
    int port = serve(served);

    try (MidimoChatClient client = client(port, somethingElse.cert())) {
      assertThatThrownBy(() -> client.createThread("cust_1", "x", List.of(), Map.of()))
          .isInstanceOf(ServiceUnavailableException.class)
          .hasMessageContaining("TLS")
          .hasMessageContaining("not trusted")
          .hasMessageContaining("midimo.chat.tls.trust-certificates");
    }
  }

  @Test
  void aCertificateForAnotherHost_isRefused_sayingWhy() throws Exception {
    Certificate elsewhere = certificate("chat.example.com", "dns:chat.example.com");
    int port = serve(elsewhere);

    try (MidimoChatClient client = client(port, elsewhere.cert())) {
      assertThatThrownBy(() -> client.createThread("cust_1", "x", List.of(), Map.of()))
          .isInstanceOf(ServiceUnavailableException.class)
          .hasMessageContaining("TLS")
          .hasMessageContaining("does not name")
          .hasMessageContaining("midimo.chat.host");
    }
  }

  private int serve(Certificate certificate) throws Exception {
    server =
        new EmulatorServer(
                NettyServerBuilder.forPort(
                    0,
                    TlsServerCredentials.create(
                        certificate.cert().toFile(), certificate.key().toFile())),
                EmulatorConfig.builder(JwtKeys.primary("primary", EmulatorFixture.SECRET))
                    .callLog(false)
                    .build())
            .start();
    return server.port();
  }

  private static MidimoChatClient client(int port, Path trusted) {
    ClientSettings base = EmulatorFixture.settings(EmulatorFixture.SECRET);
    return MidimoChatClient.connect(
        new ClientSettings(
            new ConnectionSettings(
                "localhost", port, true, trusted, 1, Duration.ofMinutes(5), Duration.ofSeconds(20)),
            base.jwt(),
            Duration.ofSeconds(5),
            base.streamMaxDuration()));
  }

  private record Certificate(Path cert, Path key) {}

  /** A self-signed certificate for {@code cn} with those subject alternative names, as PEM. */
  private Certificate certificate(String cn, String san) throws Exception {
    String alias = "c" + System.nanoTime();
    Path keystore = dir.resolve(alias + ".p12");
    Process keytool =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair",
                "-alias",
                alias,
                "-keyalg",
                "EC",
                "-groupname",
                "secp256r1",
                "-dname",
                "CN=" + cn,
                "-ext",
                "SAN=" + san,
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
      store.load(in, "changeit".toCharArray());
    }
    PrivateKey key = (PrivateKey) store.getKey(alias, "changeit".toCharArray());
    Path cert =
        Files.writeString(
            dir.resolve(alias + "-cert.pem"),
            pem("CERTIFICATE", store.getCertificate(alias).getEncoded()));
    Path keyFile =
        Files.writeString(dir.resolve(alias + "-key.pem"), pem("PRIVATE KEY", key.getEncoded()));
    return new Certificate(cert, keyFile);
  }

  private static String pem(String type, byte[] der) {
    String body =
        Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
    return "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n";
  }
}
