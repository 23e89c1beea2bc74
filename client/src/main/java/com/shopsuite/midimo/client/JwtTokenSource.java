package com.shopsuite.midimo.client;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.logging.Logger;

/**
 * Mints the integration's JWTs for Midimo Chat (HS256, {@code kid}, short lifetime) and reuses each
 * one until shortly before it expires, so signing is not on every call's path.
 *
 * <p>When Midimo Chat rejects a token ({@link #invalidate}), the settings are read again before the
 * next one is minted: a secret or key id rotated where they are configured takes effect without a
 * restart.
 */
public final class JwtTokenSource {

  private static final Logger LOG = Logger.getLogger(JwtTokenSource.class.getName());

  private final Supplier<JwtSettings> settingsSource;
  private final Clock clock;
  private volatile Signing signing;
  private volatile boolean reread;
  private volatile Token current;

  /** The settings and what they sign with. */
  private record Signing(JwtSettings settings, MACSigner signer, Duration refreshMargin) {

    static Signing of(JwtSettings settings) {
      try {
        // Renew with a fifth of the lifetime left (at most a minute): far enough ahead that clock
        // skew and a slow call cannot make a token expire in flight.
        Duration fifth = settings.lifetime().dividedBy(5);
        return new Signing(
            settings,
            new MACSigner(settings.secret()),
            fifth.compareTo(Duration.ofMinutes(1)) < 0 ? fifth : Duration.ofMinutes(1));
      } catch (JOSEException e) {
        throw new IllegalArgumentException("the JWT secret cannot be used for HS256", e);
      }
    }
  }

  public JwtTokenSource(JwtSettings settings) {
    this(() -> settings, Clock.systemUTC());
  }

  /**
   * @param settings read once now, and again after each rejected token
   */
  public JwtTokenSource(Supplier<JwtSettings> settings) {
    this(settings, Clock.systemUTC());
  }

  JwtTokenSource(JwtSettings settings, Clock clock) {
    this(() -> settings, clock);
  }

  JwtTokenSource(Supplier<JwtSettings> settings, Clock clock) {
    this.settingsSource = settings;
    this.clock = clock;
    this.signing = Signing.of(settings.get());
  }

  /** A valid token: the cached one while it has time left, a new one otherwise. */
  public String token() {
    Token token = current;
    Instant now = clock.instant();
    if (token != null && now.isBefore(token.renewAt)) {
      return token.value;
    }
    synchronized (this) {
      token = current;
      if (token == null || !now.isBefore(token.renewAt)) {
        if (reread) {
          reread = false;
          reread();
        }
        token = mint(now);
        current = token;
      }
      return token.value;
    }
  }

  /**
   * Forgets {@code rejected} so the next {@link #token()} reads the settings again and mints a new
   * one. Only that token: when many calls fail with the same stale token at once, the first re-mint
   * is kept by the others.
   */
  public void invalidate(String rejected) {
    synchronized (this) {
      Token token = current;
      if (token != null && token.value.equals(rejected)) {
        current = null;
        reread = true;
      }
    }
  }

  /** Takes up changed settings; unusable ones are reported and the current ones kept. */
  private void reread() {
    try {
      JwtSettings latest = settingsSource.get();
      if (!latest.equals(signing.settings())) {
        signing = Signing.of(latest);
        LOG.info(() -> "Midimo Chat rejected a token; minting with new settings " + latest);
      }
    } catch (RuntimeException e) {
      LOG.warning(
          "Midimo Chat rejected a token and the JWT settings cannot be read again ("
              + e.getMessage()
              + "); still minting with "
              + signing.settings());
    }
  }

  private Token mint(Instant now) {
    JwtSettings settings = signing.settings();
    Instant expiresAt = now.plus(settings.lifetime());
    JWTClaimsSet claims =
        new JWTClaimsSet.Builder()
            .issuer(settings.issuer())
            .subject(settings.issuer())
            .audience(JwtSettings.AUDIENCE)
            .issueTime(Date.from(now))
            .expirationTime(Date.from(expiresAt))
            .jwtID(UUID.randomUUID().toString())
            .claim("scope", JwtSettings.SCOPE)
            .build();
    JWSHeader header =
        new JWSHeader.Builder(JWSAlgorithm.HS256)
            .type(JOSEObjectType.JWT)
            .keyID(settings.keyId())
            .build();
    SignedJWT jwt = new SignedJWT(header, claims);
    try {
      jwt.sign(signing.signer());
    } catch (JOSEException e) {
      throw new IllegalStateException("cannot sign a token for Midimo Chat", e);
    }
    return new Token(jwt.serialize(), expiresAt.minus(signing.refreshMargin()));
  }

  private record Token(String value, Instant renewAt) {
    @Override
    public String toString() {
      return "Token[renewAt=" + renewAt + "]";
    }
  }
}
