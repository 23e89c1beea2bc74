package com.shopsuite.midimo.it.rest;

import static com.shopsuite.midimo.it.rest.Storefront.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import com.shopsuite.midimo.it.Deployments;
import com.shopsuite.midimo.it.Emulator;
import com.shopsuite.midimo.it.RunningSystem;
import com.shopsuite.midimo.it.rest.Storefront.Reply;
import com.shopsuite.midimo.launcher.DevIssuer;
import jakarta.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Tokens an attacker (or a misconfigured client) would try. Each is refused with a 401 that says
 * why without repeating the token, and nothing reaches Midimo Chat: the write is attempted as the
 * shop's own user, the worst a forged token could do.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class TokenAttacksApiIT {

  @Deployment(testable = false)
  static EnterpriseArchive deployment() {
    return Deployments.application();
  }

  @TempDir Path dir;

  private String threadId;

  @BeforeEach
  void aThread() {
    threadId = Storefront.freshSupportThread();
  }

  @Test
  void algNone_isRefused() {
    String token = new PlainJWT(claims(c -> {})).serialize();

    assertRefused(token, "alg none");
  }

  @Test
  void hs256SignedWithThePublicKeyAsTheSecret_isRefused() throws Exception {
    byte[] publicKey = Files.readAllBytes(RunningSystem.issuer().publicKey());
    SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims(c -> {}));
    jwt.sign(new MACSigner(publicKey));

    assertRefused(jwt.serialize(), "HS256");
  }

  @Test
  void anExpiredToken_isRefused() {
    Instant past = Instant.now().minus(Duration.ofHours(3));
    String token =
        RunningSystem.issuer()
            .sign(
                claims(
                    c ->
                        c.issueTime(Date.from(past))
                            .expirationTime(Date.from(past.plus(Duration.ofHours(1))))));

    assertRefused(token, "expired");
  }

  @Test
  void aTokenNotYetValid_isRefused() {
    String token =
        RunningSystem.issuer()
            .sign(claims(c -> c.notBeforeTime(Date.from(Instant.now().plus(Duration.ofHours(1))))));

    assertRefused(token, "not valid before");
  }

  @Test
  void anotherIssuer_isRefused() {
    assertRefused(RunningSystem.issuer().sign(claims(c -> c.issuer("evil-issuer"))), "issuer");
  }

  @Test
  void anotherAudience_isRefused() {
    assertRefused(RunningSystem.issuer().sign(claims(c -> c.audience("another-api"))), "aud");
  }

  @Test
  void aPayloadAlteredAfterSigning_isRefused() throws Exception {
    SignedJWT genuine = SignedJWT.parse(Tokens.customer("cust_1"));
    JWTClaimsSet elevated =
        new JWTClaimsSet.Builder(genuine.getJWTClaimsSet())
            .claim("groups", List.of("storefront"))
            .build();
    String forged =
        genuine.getHeader().toBase64URL()
            + "."
            + Base64URL.encode(elevated.toString().getBytes(StandardCharsets.UTF_8))
            + "."
            + genuine.getSignature();

    assertRefused(forged, "signature");
  }

  @Test
  void aTokenSignedByAnotherKey_isRefused() {
    DevIssuer impostor = DevIssuer.create(dir);

    assertRefused(
        impostor.token("storefront-backend", List.of("storefront"), Duration.ofMinutes(5)),
        "signature");
  }

  @Test
  void aTokenWithoutASubject_isRefused() {
    JWTClaimsSet claims =
        new JWTClaimsSet.Builder(claims(c -> {})).subject(null).claim("upn", null).build();

    assertRefused(RunningSystem.issuer().sign(claims), "subject");
  }

  @Test
  void notAJwt_isRefused() {
    assertRefused("not.a.jwt", "not a JWT");
  }

  /** A storefront token's claims as the issuer would make them, then changed by {@code edit}. */
  private static JWTClaimsSet claims(Consumer<JWTClaimsSet.Builder> edit) {
    Instant now = Instant.now();
    JWTClaimsSet.Builder claims =
        new JWTClaimsSet.Builder()
            .issuer(DevIssuer.ISSUER)
            .audience(DevIssuer.AUDIENCE)
            .subject("storefront-backend")
            .claim("upn", "storefront-backend")
            .claim("groups", List.of("storefront"))
            .issueTime(Date.from(now))
            .expirationTime(Date.from(now.plus(Duration.ofMinutes(10))))
            .jwtID(UUID.randomUUID().toString());
    edit.accept(claims);
    return claims.build();
  }

  /** Refused, saying why, never repeating the token, and nothing written to Midimo Chat. */
  private void assertRefused(String token, String reason) {
    long messages = Emulator.stats().getMessages();

    Reply reply =
        Storefront.as(token)
            .post(
                "/threads/" + threadId + "/order-updates",
                json("order_id", "order_1", "status", "Refunded", "message", "Refund here"));

    JsonObject problem = reply.problem(401, "unauthorized");
    assertThat(problem.getString("detail")).containsIgnoringCase(reason).doesNotContain(token);
    assertThat(reply.body()).doesNotContain(token);
    assertThat(reply.header("WWW-Authenticate"))
        .hasValueSatisfying(v -> assertThat(v).startsWith("Bearer").contains("invalid_token"));
    assertThat(Emulator.stats().getMessages()).isEqualTo(messages);
  }
}
