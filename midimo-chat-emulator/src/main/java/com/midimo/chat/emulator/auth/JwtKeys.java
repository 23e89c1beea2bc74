package com.midimo.chat.emulator.auth;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * The HS256 secrets tokens may be signed with, by key id. Several keys let a secret be rotated
 * without downtime: the signer moves to a new key id while tokens under the old one still verify. A
 * token without a key id is checked with the primary key, as simple signers (PyJWT) send none.
 *
 * <p>A secret is the UTF-8 bytes of its string, used raw as the HMAC key (as PyJWT does), and must
 * be at least 32 bytes: HS256 with less is guessable. Secrets never appear in messages or logs.
 */
public final class JwtKeys {
  public static final String PRIMARY_KEY_ENV = "MIDIMO_CHAT_JWT_SECRET_KEY";
  public static final String KEY_ID_VARIABLE = "MIDIMO_CHAT_JWT_KEY_ID";
  public static final String DEFAULT_KEY_ID = "primary";
  public static final int MIN_SECRET_BYTES = 32;

  private final String primaryKeyId;
  private final Map<String, byte[]> secrets;

  private JwtKeys(String primaryKeyId, Map<String, byte[]> secrets) {
    this.primaryKeyId = primaryKeyId;
    this.secrets = secrets;
  }

  /**
   * The primary key alone.
   *
   * @throws IllegalArgumentException when the secret is missing or shorter than 32 bytes; the
   *     message names {@value #PRIMARY_KEY_ENV}, never the value
   */
  public static JwtKeys primary(String keyId, String secret) {
    if (keyId == null || keyId.isBlank()) {
      throw new IllegalArgumentException(KEY_ID_VARIABLE + " is empty");
    }
    if (secret == null || secret.isEmpty()) {
      throw new IllegalArgumentException(
          PRIMARY_KEY_ENV + " is not set: the emulator needs the shared JWT secret");
    }
    Map<String, byte[]> secrets = new LinkedHashMap<>();
    secrets.put(keyId, bytesOf(secret, PRIMARY_KEY_ENV));
    return new JwtKeys(keyId, secrets);
  }

  /** The primary key from the environment: secret and key id variables. */
  public static JwtKeys fromEnvironment(Map<String, String> environment) {
    return primary(
        environment.getOrDefault(KEY_ID_VARIABLE, DEFAULT_KEY_ID),
        environment.get(PRIMARY_KEY_ENV));
  }

  /** These keys and one more, under another key id. */
  public JwtKeys with(String keyId, String secret) {
    if (keyId.isBlank()) {
      throw new IllegalArgumentException("a JWT key id is empty");
    }
    if (secrets.containsKey(keyId)) {
      throw new IllegalArgumentException("JWT key id '" + keyId + "' is given twice");
    }
    Map<String, byte[]> more = new LinkedHashMap<>(secrets);
    more.put(keyId, bytesOf(secret, "JWT key '" + keyId + "'"));
    return new JwtKeys(primaryKeyId, more);
  }

  /** These keys and those of a Java properties file of {@code keyId=secret} lines. */
  public JwtKeys withKeysFile(Path file) throws IOException {
    Properties properties = new Properties();
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      properties.load(reader);
    }
    JwtKeys keys = this;
    for (String keyId : properties.stringPropertyNames()) {
      keys = keys.with(keyId, properties.getProperty(keyId));
    }
    return keys;
  }

  public String primaryKeyId() {
    return primaryKeyId;
  }

  /** The secret of a key id; the primary key's when {@code keyId} is null. */
  Optional<byte[]> secret(String keyId) {
    return Optional.ofNullable(secrets.get(keyId == null ? primaryKeyId : keyId));
  }

  Map<String, byte[]> all() {
    return secrets;
  }

  @Override
  public String toString() {
    return "JwtKeys" + secrets.keySet() + " (primary '" + primaryKeyId + "')";
  }

  private static byte[] bytesOf(String secret, String name) {
    byte[] bytes = secret.getBytes(StandardCharsets.UTF_8);
    if (bytes.length < MIN_SECRET_BYTES) {
      throw new IllegalArgumentException(
          name
              + " is too short: HS256 needs a secret of at least "
              + MIN_SECRET_BYTES
              + " bytes (UTF-8)");
    }
    return bytes;
  }
}
