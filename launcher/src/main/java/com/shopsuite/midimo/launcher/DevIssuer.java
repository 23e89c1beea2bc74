package com.shopsuite.midimo.launcher;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.UUID;

/**
 * A stand-in for the suite's identity provider on a development machine: an RSA key pair made for
 * one run (the private key under {@code run/}, mode 0600, never committed), and RS256 tokens signed
 * with it, with the issuer and audience the application trusts by default ({@code mp.jwt.verify.*}
 * in the ejb module's microprofile-config.properties). The server is given only the public key.
 */
public final class DevIssuer {

  /** The defaults of {@code mp.jwt.verify.issuer} and {@code mp.jwt.verify.audiences}. */
  public static final String ISSUER = "shopsuite-dev-issuer";

  public static final String AUDIENCE = "storefront-chat-api";

  /** Where the server reads the public key by default: {@code mp.jwt.verify.publickey.location}. */
  public static final String SERVER_KEY_FILE = "storefront-token-issuer.pem";

  static final String PRIVATE_KEY = "private-key.pem";
  static final String PUBLIC_KEY = "public-key.pem";

  private final RSAPrivateKey privateKey;
  private final Path publicKey;
  private final Clock clock;

  private DevIssuer(RSAPrivateKey privateKey, Path publicKey, Clock clock) {
    this.privateKey = privateKey;
    this.publicKey = publicKey;
    this.clock = clock;
  }

  /** A new key pair in {@code dir} (made afresh). */
  public static DevIssuer create(Path dir) {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048);
      KeyPair pair = generator.generateKeyPair();
      Files.createDirectories(dir);
      Secrets.write(dir.resolve(PRIVATE_KEY), pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
      Path publicKey =
          Files.writeString(
              dir.resolve(PUBLIC_KEY), pem("PUBLIC KEY", pair.getPublic().getEncoded()));
      return new DevIssuer((RSAPrivateKey) pair.getPrivate(), publicKey, Clock.systemUTC());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot make an RSA key pair", e);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the development issuer's keys to " + dir, e);
    }
  }

  /** The key pair {@link #create} made in {@code dir}. */
  public static DevIssuer load(Path dir) {
    Path file = dir.resolve(PRIVATE_KEY);
    if (!Files.isRegularFile(file)) {
      throw new IllegalStateException(
          file + " is missing: start the system with ./run.sh first, it makes the key pair");
    }
    try {
      String pem = Files.readString(file, StandardCharsets.US_ASCII);
      byte[] der =
          Base64.getMimeDecoder()
              .decode(pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", ""));
      RSAPrivateKey key =
          (RSAPrivateKey)
              KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
      return new DevIssuer(key, dir.resolve(PUBLIC_KEY), Clock.systemUTC());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      throw new IllegalStateException(file + " is not an RSA private key in PEM", e);
    }
  }

  /** The public key (PEM): what the server verifies tokens with. */
  public Path publicKey() {
    return publicKey;
  }

  /** A token for {@code subject} with {@code roles} in its groups claim, valid for {@code ttl}. */
  public String token(String subject, List<String> roles, Duration ttl) {
    Instant now = clock.instant();
    return sign(
        new JWTClaimsSet.Builder()
            .issuer(ISSUER)
            .audience(AUDIENCE)
            .subject(subject)
            .claim("upn", subject)
            .claim("groups", List.copyOf(roles))
            .issueTime(Date.from(now))
            .expirationTime(Date.from(now.plus(ttl)))
            .jwtID(UUID.randomUUID().toString())
            .build());
  }

  /** Any claims, signed with this issuer's key (tests build refused tokens with it). */
  public String sign(JWTClaimsSet claims) {
    SignedJWT jwt =
        new SignedJWT(
            new JWSHeader.Builder(JWSAlgorithm.RS256).type(JOSEObjectType.JWT).build(), claims);
    try {
      jwt.sign(new RSASSASigner(privateKey));
    } catch (JOSEException e) {
      throw new IllegalStateException("cannot sign a token", e);
    }
    return jwt.serialize();
  }

  private static String pem(String type, byte[] der) {
    String body =
        Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
    return "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n";
  }
}
