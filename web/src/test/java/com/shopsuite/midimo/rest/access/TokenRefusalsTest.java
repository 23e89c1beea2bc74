package com.shopsuite.midimo.rest.access;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class TokenRefusalsTest {

  private static final Instant NOW = Instant.parse("2026-12-07T12:00:00Z");
  private static PrivateKey key;

  private final TokenRefusals refusals = new TokenRefusals();

  @BeforeAll
  static void aKey() throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    key = generator.generateKeyPair().getPrivate();
  }

  TokenRefusalsTest() {
    refusals.issuer = Optional.of("issuer-a");
    refusals.audiences = Optional.of(List.of("api-a"));
    refusals.clockSkewSeconds = 60;
    refusals.algorithm = "RS256";
    refusals.clock = Clock.fixed(NOW, ZoneOffset.UTC);
  }

  @Test
  void explain_namesTheFirstRuleTheTokenBreaks() throws Exception {
    assertThat(refusals.explain(null)).contains("bearer token is required");
    assertThat(refusals.explain("Basic dXNlcjpwYXNz")).contains("bearer token is required");
    assertThat(refusals.explain("Bearer nonsense")).contains("not a JWT");
    assertThat(refusals.explain("Bearer " + new PlainJWT(claims(c -> {})).serialize()))
        .contains("alg none");
    assertThat(refusals.explain("Bearer " + hs256())).contains("HS256").contains("RS256");
    assertThat(explain(c -> c.expirationTime(Date.from(NOW.minus(Duration.ofMinutes(5))))))
        .contains("expired at " + NOW.minus(Duration.ofMinutes(5)));
    assertThat(explain(c -> c.notBeforeTime(Date.from(NOW.plus(Duration.ofMinutes(5))))))
        .contains("not valid before");
    assertThat(explain(c -> c.issuer("issuer-b"))).contains("issuer");
    assertThat(explain(c -> c.audience("api-b"))).contains("aud");
    assertThat(explain(c -> c.subject(null))).contains("no subject");
    assertThat(explain(c -> {})).contains("signature does not verify");
  }

  @Test
  void explain_toleratesTheConfiguredClockSkew() throws Exception {
    assertThat(explain(c -> c.expirationTime(Date.from(NOW.minusSeconds(30)))))
        .contains("signature does not verify");
  }

  @Test
  void explain_neverRepeatsTheToken() throws Exception {
    String token = sign(claims(c -> c.issuer("issuer-b")));

    assertThat(refusals.explain("Bearer " + token)).doesNotContain(token).doesNotContain("cust_1");
  }

  private String explain(Consumer<JWTClaimsSet.Builder> edit) throws Exception {
    return refusals.explain("Bearer " + sign(claims(edit)));
  }

  private static String sign(JWTClaimsSet claims) throws Exception {
    SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), claims);
    jwt.sign(new RSASSASigner(key));
    return jwt.serialize();
  }

  private static String hs256() throws Exception {
    SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims(c -> {}));
    jwt.sign(new MACSigner("a-secret-of-at-least-thirty-two-bytes!!"));
    return jwt.serialize();
  }

  private static JWTClaimsSet claims(Consumer<JWTClaimsSet.Builder> edit) {
    JWTClaimsSet.Builder claims =
        new JWTClaimsSet.Builder()
            .issuer("issuer-a")
            .audience("api-a")
            .subject("cust_1")
            .issueTime(Date.from(NOW.minusSeconds(10)))
            .expirationTime(Date.from(NOW.plus(Duration.ofMinutes(5))));
    edit.accept(claims);
    return claims.build();
  }
}
