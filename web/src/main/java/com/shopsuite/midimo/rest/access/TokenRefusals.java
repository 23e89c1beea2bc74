package com.shopsuite.midimo.rest.access;

import com.nimbusds.jose.Algorithm;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.jwt.PlainJWT;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.text.ParseException;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Says why the server refused a bearer token, for the 401 it answers. MicroProfile JWT verifies the
 * token and refuses it before the application runs, keeping the reason to itself; this reads the
 * same settings ({@code mp.jwt.verify.*}) and names the first rule the token breaks, in words that
 * never repeat the token or its claims. It decides nothing: a token it cannot fault is one whose
 * signature the server could not verify.
 */
@ApplicationScoped
public class TokenRefusals {

  private static final String BEARER = "Bearer ";

  @Inject
  @ConfigProperty(name = "mp.jwt.verify.issuer")
  Optional<String> issuer;

  @Inject
  @ConfigProperty(name = "mp.jwt.verify.audiences")
  Optional<List<String>> audiences;

  @Inject
  @ConfigProperty(name = "mp.jwt.verify.clock.skew", defaultValue = "60")
  long clockSkewSeconds;

  @Inject
  @ConfigProperty(name = "mp.jwt.verify.publickey.algorithm", defaultValue = "RS256")
  String algorithm;

  Clock clock = Clock.systemUTC();

  /**
   * @param authorization the request's {@code Authorization} header, null when it has none
   */
  public String explain(String authorization) {
    if (authorization == null
        || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
      return "a bearer token is required: Authorization: Bearer <JWT>";
    }
    JWT token;
    try {
      token = JWTParser.parse(authorization.substring(BEARER.length()).trim());
    } catch (ParseException e) {
      return "the bearer token is not a JWT";
    }
    if (token instanceof PlainJWT) {
      return "unsigned tokens (alg none) are not accepted";
    }
    Algorithm signedWith = token.getHeader().getAlgorithm();
    if (signedWith == null || !algorithm.equals(signedWith.getName())) {
      return "tokens signed with "
          + (signedWith == null ? "no algorithm" : signedWith.getName())
          + " are not accepted (only "
          + algorithm
          + ")";
    }
    JWTClaimsSet claims;
    try {
      claims = token.getJWTClaimsSet();
    } catch (ParseException e) {
      return "the bearer token's claims are not a JSON object";
    }
    return claimsRefusal(claims)
        .orElse(
            "the token's signature does not verify with the key this server trusts"
                + " (it was signed by another key, or altered after signing)");
  }

  private Optional<String> claimsRefusal(JWTClaimsSet claims) {
    Instant now = clock.instant();
    Date expires = claims.getExpirationTime();
    if (expires == null) {
      return Optional.of("the token has no expiry (exp)");
    }
    if (expires.toInstant().plusSeconds(clockSkewSeconds).isBefore(now)) {
      return Optional.of("the token expired at " + expires.toInstant());
    }
    Date notBefore = claims.getNotBeforeTime();
    if (notBefore != null && notBefore.toInstant().minusSeconds(clockSkewSeconds).isAfter(now)) {
      return Optional.of("the token is not valid before " + notBefore.toInstant());
    }
    if (claims.getIssueTime() == null) {
      return Optional.of("the token has no issue time (iat)");
    }
    if (issuer.isPresent() && !issuer.get().equals(claims.getIssuer())) {
      return Optional.of("the token's issuer (iss) is not one this server trusts");
    }
    if (audiences.isPresent()
        && !audiences.get().isEmpty()
        && (claims.getAudience() == null
            || claims.getAudience().stream().noneMatch(audiences.get()::contains))) {
      return Optional.of("the token is not meant for this API (aud)");
    }
    if (isBlank(claims.getSubject())
        && isBlank(claim(claims, "upn"))
        && isBlank(claim(claims, "preferred_username"))) {
      return Optional.of("the token names no subject (sub or upn)");
    }
    return Optional.empty();
  }

  private static String claim(JWTClaimsSet claims, String name) {
    Object value = claims.getClaim(name);
    return value instanceof String text ? text : null;
  }

  private static boolean isBlank(String value) {
    return value == null || value.isBlank();
  }
}
