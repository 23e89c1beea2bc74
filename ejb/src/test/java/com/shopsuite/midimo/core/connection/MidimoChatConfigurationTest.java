package com.shopsuite.midimo.core.connection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.shopsuite.midimo.client.ClientSettings;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MidimoChatConfigurationTest {

  private static final String SECRET = "configuration-tests-secret-0123456789abcdef";

  /** The documented defaults, as microprofile-config.properties sets them. */
  private static MidimoChatConfiguration defaults() {
    MidimoChatConfiguration configuration = new MidimoChatConfiguration();
    configuration.host = "localhost";
    configuration.port = 50051;
    configuration.secure = false;
    configuration.trustCertificates = Optional.of("");
    configuration.timeout = Duration.ofSeconds(2);
    configuration.poolSize = 2;
    configuration.keepAliveTime = Duration.ofMinutes(5);
    configuration.keepAliveTimeout = Duration.ofSeconds(20);
    configuration.streamMaxDuration = Duration.ofMinutes(15);
    configuration.secretKey = Optional.of(SECRET);
    configuration.issuer = "e-commerce";
    configuration.keyId = "primary";
    configuration.tokenLifetime = Duration.ofMinutes(5);
    configuration.systemUserId = "ecommerce-system";
    configuration.threadCacheTtl = Duration.ofSeconds(30);
    configuration.threadCacheMaxSize = 10_000;
    configuration.throttleWindow = Duration.ofSeconds(5);
    configuration.throttleMaxEntries = 100_000;
    return configuration;
  }

  @Test
  void clientSettings_fromTheDefaults_targetTheLocalEmulator() {
    ClientSettings settings = defaults().clientSettings();

    assertThat(settings.connection().host()).isEqualTo("localhost");
    assertThat(settings.connection().port()).isEqualTo(50051);
    assertThat(settings.connection().secure()).isFalse();
    assertThat(settings.connection().trustCertificatesFile()).isEmpty();
    assertThat(settings.connection().poolSize()).isEqualTo(2);
    assertThat(settings.callTimeout()).isEqualTo(Duration.ofSeconds(2));
    assertThat(settings.jwt().keyId()).isEqualTo("primary");
    assertThat(settings.jwt().lifetime()).isEqualTo(Duration.ofMinutes(5));
  }

  @Test
  void clientSettings_withoutASecret_failNamingTheKeyAndTheVariable() {
    MidimoChatConfiguration configuration = defaults();
    configuration.secretKey = Optional.empty();

    assertThatThrownBy(configuration::clientSettings)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("midimo.chat.jwt.secret-key")
        .hasMessageContaining("MIDIMO_CHAT_JWT_SECRET_KEY");
  }

  @Test
  void clientSettings_withAShortSecret_failNamingTheKey_withoutTheValue() {
    MidimoChatConfiguration configuration = defaults();
    configuration.secretKey = Optional.of("too-short-but-secret");

    assertThatThrownBy(configuration::clientSettings)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("midimo.chat.jwt.secret-key")
        .hasMessageContaining("32 bytes")
        .hasMessageNotContaining("too-short-but-secret");
  }

  @Test
  void clientSettings_withAnInvalidPort_failNamingTheSettings() {
    MidimoChatConfiguration configuration = defaults();
    configuration.port = 0;

    assertThatThrownBy(configuration::clientSettings)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("midimo.chat")
        .hasMessageContaining("port");
  }
}
