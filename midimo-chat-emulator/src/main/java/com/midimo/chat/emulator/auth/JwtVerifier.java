package com.midimo.chat.emulator.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObject;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks a bearer token the way Midimo Chat does: HS256 only (the algorithm is pinned, never taken
 * from the token), a known key id, a valid signature, audience {@value #AUDIENCE}, the expected
 * issuer, not expired (60 s of clock skew allowed), and the scope the service needs. Every
 * rejection says which check failed; none repeats the token.
 */
public final class JwtVerifier {
  public static final String AUDIENCE = "midimo-chat";
  public static final Duration CLOCK_SKEW = Duration.ofSeconds(60);
  private static final int MAX_ECHOED_CHARS = 64;

  /** The keys tokens are checked with, and the one a token without {@code kid} means. */
  private record Keys(Map<String, MACVerifier> verifiers, String primaryKeyId) {

    static Keys of(JwtKeys keys) {
      Map<String, MACVerifier> verifiers = new HashMap<>();
      for (Map.Entry<String, byte[]> key : keys.all().entrySet()) {
        try {
          verifiers.put(key.getKey(), new MACVerifier(key.getValue()));
        } catch (JOSEException e) {
          throw new IllegalArgumentException("JWT key '" + key.getKey() + "' is not usable", e);
        }
      }
      return new Keys(Map.copyOf(verifiers), keys.primaryKeyId());
    }
  }

  private final Keys started;
  private volatile Keys keys;
  private final String issuer;
  private final Clock clock;

  public JwtVerifier(JwtKeys keys, String issuer, Clock clock) {
    this.started = Keys.of(keys);
    this.keys = started;
    this.issuer = issuer;
    this.clock = clock;
  }

  /**
   * Accepts only these keys from now on, as Midimo Chat does once a secret has been rotated on its
   * side: tokens signed with any other are UNAUTHENTICATED.
   */
  public void replaceKeys(JwtKeys replacement) {
    this.keys = Keys.of(replacement);
  }

  /** Back to the keys it started with. */
  public void restoreKeys() {
    this.keys = started;
  }

  /**
   * Returns when the token is good for a service needing {@code requiredScope}; throws
   * UNAUTHENTICATED when the token is not good at all, PERMISSION_DENIED when it lacks the scope.
   */
  public void verify(String token, String requiredScope) {
    Base64URL[] parts;
    Map<String, Object> header;
    try {
      parts = JOSEObject.split(token);
      header = JSONObjectUtils.parse(parts[0].decodeToString());
    } catch (ParseException e) {
      throw unauthenticated("malformed token");
    }
    if (parts.length != 3) {
      throw unauthenticated("encrypted tokens are not accepted");
    }
    checkAlgorithm(header);

    SignedJWT jwt;
    JWTClaimsSet claims;
    try {
      jwt = new SignedJWT(parts[0], parts[1], parts[2]);
      claims = jwt.getJWTClaimsSet();
    } catch (ParseException e) {
      throw unauthenticated("malformed token");
    }
    String keyId = jwt.getHeader().getKeyID();
    Keys current = keys;
    MACVerifier verifier = current.verifiers().get(keyId == null ? current.primaryKeyId() : keyId);
    if (verifier == null) {
      throw unauthenticated("unknown key id '" + echo(keyId) + "'");
    }
    try {
      if (!jwt.verify(verifier)) {
        throw unauthenticated("invalid signature");
      }
    } catch (JOSEException e) {
      throw unauthenticated("invalid signature");
    }

    checkClaims(claims);
    checkScope(claims, requiredScope);
  }

  private static void checkAlgorithm(Map<String, Object> header) {
    String algorithm;
    try {
      algorithm = JSONObjectUtils.getString(header, "alg");
    } catch (ParseException e) {
      throw unauthenticated("malformed token");
    }
    if (algorithm == null) {
      throw unauthenticated("malformed token");
    }
    if (algorithm.equalsIgnoreCase("none")) {
      throw unauthenticated("unsigned tokens are not accepted");
    }
    if (!algorithm.equals(JWSAlgorithm.HS256.getName())) {
      throw unauthenticated("algorithm " + echo(algorithm) + " is not accepted; expected HS256");
    }
  }

  private void checkClaims(JWTClaimsSet claims) {
    Instant now = clock.instant();
    Date expiration = claims.getExpirationTime();
    if (expiration == null) {
      throw lacks("exp");
    }
    if (now.isAfter(expiration.toInstant().plus(CLOCK_SKEW))) {
      throw unauthenticated("token expired");
    }
    Date notBefore = claims.getNotBeforeTime();
    if (notBefore != null && now.plus(CLOCK_SKEW).isBefore(notBefore.toInstant())) {
      throw unauthenticated("token not yet valid");
    }
    if (claims.getIssuer() == null) {
      throw lacks("iss");
    }
    if (!claims.getIssuer().equals(issuer)) {
      throw unauthenticated("unexpected issuer '" + echo(claims.getIssuer()) + "'");
    }
    List<String> audience = claims.getAudience();
    if (audience.isEmpty()) {
      throw lacks("aud");
    }
    if (!audience.contains(AUDIENCE)) {
      throw unauthenticated("token audience does not include " + AUDIENCE);
    }
  }

  private static void checkScope(JWTClaimsSet claims, String requiredScope) {
    Object scope = claims.getClaim("scope");
    if (scope != null && !(scope instanceof String)) {
      throw unauthenticated("malformed token: 'scope' must be a space-separated string");
    }
    if (scope != null) {
      for (String granted : ((String) scope).split(" ")) {
        if (granted.equals(requiredScope)) {
          return;
        }
      }
    }
    throw Status.PERMISSION_DENIED
        .withDescription("token scope lacks '" + requiredScope + "'")
        .asRuntimeException();
  }

  private static StatusRuntimeException lacks(String claim) {
    return unauthenticated("token lacks required claim '" + claim + "'");
  }

  private static StatusRuntimeException unauthenticated(String description) {
    return Status.UNAUTHENTICATED.withDescription(description).asRuntimeException();
  }

  /** A value from the token, cut short and printable: it goes into a status and a log line. */
  private static String echo(String value) {
    String printable = value.replaceAll("\\p{Cntrl}", "?");
    return printable.length() <= MAX_ECHOED_CHARS
        ? printable
        : printable.substring(0, MAX_ECHOED_CHARS) + "...";
  }
}
