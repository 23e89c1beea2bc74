package com.midimo.chat.emulator;

import com.midimo.chat.emulator.auth.JwtKeys;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;

/** Mints the tokens the application would send, signed with the secrets the emulator knows. */
public final class TestTokens {
  public static final String SECRET = "test-secret-of-at-least-32-bytes-0123456789";
  public static final String ROTATED_KEY_ID = "next";
  public static final String ROTATED_SECRET = "the-next-secret-also-32-bytes-or-more-abcdef";
  public static final String ALL_SCOPES = "chat:write presence:write notification:write";

  private TestTokens() {}

  /** The primary key (id "primary") and a second one under {@link #ROTATED_KEY_ID}. */
  public static JwtKeys keys() {
    return JwtKeys.primary(JwtKeys.DEFAULT_KEY_ID, SECRET).with(ROTATED_KEY_ID, ROTATED_SECRET);
  }

  /** Claims as the application sets them, valid for five minutes from the clock's now. */
  public static JWTClaimsSet.Builder claims(Clock clock, String scope) {
    Instant now = clock.instant();
    return new JWTClaimsSet.Builder()
        .issuer(EmulatorConfig.DEFAULT_JWT_ISSUER)
        .audience("midimo-chat")
        .subject("e-commerce-backend")
        .issueTime(Date.from(now))
        .expirationTime(Date.from(now.plus(Duration.ofMinutes(5))))
        .claim("scope", scope);
  }

  /** A good token for every service, without a key id (as PyJWT signs). */
  public static String valid(Clock clock) {
    return sign(claims(clock, ALL_SCOPES).build());
  }

  /** HS256 with the primary secret and no key id. */
  public static String sign(JWTClaimsSet claims) {
    return sign(new JWSHeader(JWSAlgorithm.HS256), claims, SECRET);
  }

  public static String sign(JWSHeader header, JWTClaimsSet claims, String secret) {
    SignedJWT jwt = new SignedJWT(header, claims);
    try {
      jwt.sign(new MACSigner(secret.getBytes(StandardCharsets.UTF_8)));
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
    return jwt.serialize();
  }
}
