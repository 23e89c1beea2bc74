package com.shopsuite.midimo.client;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Objects;

/**
 * How our tokens for Midimo Chat are minted. Holds the shared secret, so it is a class with a
 * redacted {@link #toString()}, never a record (a record would print the secret).
 */
public final class JwtSettings {

  /** HS256 needs a key at least as long as its output: 256 bits. */
  public static final int MIN_SECRET_BYTES = 32;

  public static final String AUDIENCE = "midimo-chat";

  /** Every scope the integration uses: one per Midimo Chat service. */
  public static final String SCOPE = "chat:write presence:write notification:write";

  private final byte[] secret;
  private final String issuer;
  private final String keyId;
  private final Duration lifetime;

  /**
   * @param secret the shared secret; its UTF-8 bytes are the HMAC key, as in the original guide
   * @param keyId the {@code kid} header, which tells Midimo Chat which of its secrets to use
   * @param lifetime how long a token is valid; short, since a leaked token works until then
   */
  public JwtSettings(String secret, String issuer, String keyId, Duration lifetime) {
    Objects.requireNonNull(secret, "secret");
    this.secret = secret.getBytes(StandardCharsets.UTF_8);
    if (this.secret.length < MIN_SECRET_BYTES) {
      throw new IllegalArgumentException(
          "the JWT secret must be at least " + MIN_SECRET_BYTES + " bytes long");
    }
    this.issuer = requireText(issuer, "issuer");
    this.keyId = requireText(keyId, "keyId");
    ConnectionSettings.requirePositive(lifetime, "lifetime");
    if (lifetime.compareTo(Duration.ofSeconds(30)) < 0) {
      throw new IllegalArgumentException("token lifetime must be at least 30 s, was " + lifetime);
    }
    this.lifetime = lifetime;
  }

  byte[] secret() {
    return secret.clone();
  }

  public String issuer() {
    return issuer;
  }

  public String keyId() {
    return keyId;
  }

  public Duration lifetime() {
    return lifetime;
  }

  @Override
  public String toString() {
    return "JwtSettings[issuer="
        + issuer
        + ", keyId="
        + keyId
        + ", lifetime="
        + lifetime
        + ", secret=<redacted>]";
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof JwtSettings that
        && Arrays.equals(secret, that.secret)
        && issuer.equals(that.issuer)
        && keyId.equals(that.keyId)
        && lifetime.equals(that.lifetime);
  }

  @Override
  public int hashCode() {
    return Objects.hash(issuer, keyId, lifetime);
  }

  private static String requireText(String value, String name) {
    Objects.requireNonNull(value, name);
    if (value.isBlank()) {
      throw new IllegalArgumentException(name + " must not be blank");
    }
    return value;
  }
}
