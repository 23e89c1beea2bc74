package com.shopsuite.midimo.core.connection;

import com.shopsuite.midimo.client.ClientSettings;
import com.shopsuite.midimo.client.ConnectionSettings;
import com.shopsuite.midimo.client.JwtSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The integration's settings, from MicroProfile Config. Every key, its default and its meaning is
 * listed in {@code META-INF/microprofile-config.properties} and the README. Keys map to environment
 * variables by MicroProfile's rule ({@code midimo.chat.jwt.secret-key} is also {@code
 * MIDIMO_CHAT_JWT_SECRET_KEY}), so the original guide's variables work unchanged.
 *
 * <p>Invalid values fail the deployment with a message that names the key; the secret's value is
 * never part of any message.
 */
@ApplicationScoped
public class MidimoChatConfiguration {

  static final String SECRET_KEY = "midimo.chat.jwt.secret-key";
  static final String KEY_ID = "midimo.chat.jwt.key-id";

  @Inject Config config;

  @Inject
  @ConfigProperty(name = "midimo.chat.host")
  String host;

  @Inject
  @ConfigProperty(name = "midimo.chat.port")
  int port;

  @Inject
  @ConfigProperty(name = "midimo.chat.secure")
  boolean secure;

  @Inject
  @ConfigProperty(name = "midimo.chat.tls.trust-certificates")
  Optional<String> trustCertificates;

  @Inject
  @ConfigProperty(name = "midimo.chat.timeout")
  Duration timeout;

  @Inject
  @ConfigProperty(name = "midimo.chat.pool-size")
  int poolSize;

  @Inject
  @ConfigProperty(name = "midimo.chat.keepalive-time")
  Duration keepAliveTime;

  @Inject
  @ConfigProperty(name = "midimo.chat.keepalive-timeout")
  Duration keepAliveTimeout;

  @Inject
  @ConfigProperty(name = "midimo.chat.stream-max-duration")
  Duration streamMaxDuration;

  @Inject
  @ConfigProperty(name = SECRET_KEY)
  Optional<String> secretKey;

  @Inject
  @ConfigProperty(name = "midimo.chat.jwt.issuer")
  String issuer;

  @Inject
  @ConfigProperty(name = KEY_ID)
  String keyId;

  @Inject
  @ConfigProperty(name = "midimo.chat.secrets.directory")
  String secretsDirectory;

  @Inject
  @ConfigProperty(name = "midimo.chat.jwt.lifetime")
  Duration tokenLifetime;

  @Inject
  @ConfigProperty(name = "midimo.chat.system-user-id")
  String systemUserId;

  @Inject
  @ConfigProperty(name = "midimo.chat.cache.thread-info.ttl")
  Duration threadCacheTtl;

  @Inject
  @ConfigProperty(name = "midimo.chat.cache.thread-info.max-size")
  long threadCacheMaxSize;

  @Inject
  @ConfigProperty(name = "midimo.chat.throttle.window")
  Duration throttleWindow;

  @Inject
  @ConfigProperty(name = "midimo.chat.throttle.max-entries")
  long throttleMaxEntries;

  /** Everything the client needs; fails, naming the key, when a setting is missing or invalid. */
  public ClientSettings clientSettings() {
    ConnectionSettings connection;
    try {
      connection =
          new ConnectionSettings(
              host,
              port,
              secure,
              trustCertificates.filter(path -> !path.isBlank()).map(Path::of).orElse(null),
              poolSize,
              keepAliveTime,
              keepAliveTimeout);
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException(
          "invalid Midimo Chat connection settings (midimo.chat.*): " + e.getMessage(), e);
    }
    return new ClientSettings(
        connection, jwtSettings(secretKey, keyId), timeout, streamMaxDuration);
  }

  /**
   * The JWT settings as they are now, for each time Midimo Chat rejects a token: the secret and key
   * id are read again from the secrets directory, so that replacing them there takes effect without
   * a restart. Fails as at deployment (naming the key) when the new values are unusable.
   */
  public Supplier<JwtSettings> currentJwtSettings() {
    SecretsDirectory secrets = new SecretsDirectory(Path.of(secretsDirectory), config);
    return () -> jwtSettings(secrets.current(SECRET_KEY), secrets.current(KEY_ID).orElse(keyId));
  }

  private JwtSettings jwtSettings(Optional<String> secretKey, String keyId) {
    String secret =
        secretKey
            .filter(value -> !value.isBlank())
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        SECRET_KEY
                            + " (environment variable MIDIMO_CHAT_JWT_SECRET_KEY) is not set: the"
                            + " integration cannot authenticate to Midimo Chat without the shared"
                            + " secret"));
    try {
      return new JwtSettings(secret, issuer, keyId, tokenLifetime);
    } catch (IllegalArgumentException e) {
      // JwtSettings' messages never include the secret; name the key for the operator.
      throw new IllegalStateException(
          "invalid JWT settings (" + SECRET_KEY + ", midimo.chat.jwt.*): " + e.getMessage());
    }
  }

  /** The suite's own chat user: it posts order updates and is a participant of support threads. */
  public String systemUserId() {
    return systemUserId;
  }

  public Duration threadCacheTtl() {
    return threadCacheTtl;
  }

  public long threadCacheMaxSize() {
    return threadCacheMaxSize;
  }

  public Duration throttleWindow() {
    return throttleWindow;
  }

  public long throttleMaxEntries() {
    return throttleMaxEntries;
  }

  public Duration callTimeout() {
    return timeout;
  }
}
