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

/**
 * Mints the integration's JWTs for Midimo Chat (HS256, {@code kid}, short lifetime) and reuses each
 * one until shortly before it expires, so signing is not on every call's path.
 */
public final class JwtTokenSource {

  private final JwtSettings settings;
  private final MACSigner signer;
  private final Clock clock;
  private final Duration refreshMargin;
  private volatile Token current;

  public JwtTokenSource(JwtSettings settings) {
    this(settings, Clock.systemUTC());
  }

  JwtTokenSource(JwtSettings settings, Clock clock) {
    this.settings = settings;
    this.clock = clock;
    try {
      this.signer = new MACSigner(settings.secret());
    } catch (JOSEException e) {
      throw new IllegalArgumentException("the JWT secret cannot be used for HS256", e);
    }
    // Renew with a fifth of the lifetime left (at most a minute): far enough ahead that clock
    // skew and a slow call cannot make a token expire in flight.
    Duration fifth = settings.lifetime().dividedBy(5);
    this.refreshMargin = fifth.compareTo(Duration.ofMinutes(1)) < 0 ? fifth : Duration.ofMinutes(1);
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
        token = mint(now);
        current = token;
      }
      return token.value;
    }
  }

  /**
   * Forgets {@code rejected} so the next {@link #token()} mints a new one. Only that token: when
   * many calls fail with the same stale token at once, the first re-mint is kept by the others.
   */
  public void invalidate(String rejected) {
    synchronized (this) {
      Token token = current;
      if (token != null && token.value.equals(rejected)) {
        current = null;
      }
    }
  }

  private Token mint(Instant now) {
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
      jwt.sign(signer);
    } catch (JOSEException e) {
      throw new IllegalStateException("cannot sign a token for Midimo Chat", e);
    }
    return new Token(jwt.serialize(), expiresAt.minus(refreshMargin));
  }

  private record Token(String value, Instant renewAt) {
    @Override
    public String toString() {
      return "Token[renewAt=" + renewAt + "]";
    }
  }
}
