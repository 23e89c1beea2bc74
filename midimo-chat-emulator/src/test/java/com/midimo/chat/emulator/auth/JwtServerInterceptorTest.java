package com.midimo.chat.emulator.auth;

import static com.midimo.chat.emulator.GrpcAssertions.assertFails;
import static org.assertj.core.api.Assertions.assertThat;

import com.midimo.chat.emulator.InProcessEmulator;
import com.midimo.chat.emulator.TestTokens;
import com.midimo.chat.emulator.v1.GetStatsRequest;
import com.midimo.chat.v1.ChatServiceGrpc;
import com.midimo.chat.v1.CreateThreadRequest;
import com.midimo.chat.v1.GetPresenceRequest;
import com.midimo.chat.v1.ListNotificationsRequest;
import com.midimo.chat.v1.NotificationServiceGrpc;
import com.midimo.chat.v1.PresenceServiceGrpc;
import com.midimo.chat.v1.Thread;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import io.grpc.ClientInterceptor;
import io.grpc.Metadata;
import io.grpc.Status.Code;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthCheckResponse.ServingStatus;
import io.grpc.health.v1.HealthGrpc;
import io.grpc.stub.MetadataUtils;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Every way a token is accepted or refused, through a real in-process server. */
class JwtServerInterceptorTest {
  private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");
  private static final Clock FROZEN = Clock.fixed(NOW, ZoneOffset.UTC);

  private final InProcessEmulator emulator =
      InProcessEmulator.start(config -> config.clock(FROZEN));

  @AfterEach
  void stopEmulator() throws InterruptedException {
    emulator.close();
  }

  @Test
  void interceptCall_acceptsAValidTokenWithoutKeyId() {
    assertThat(createThreadWith(TestTokens.valid(FROZEN)).getId()).isNotEmpty();
  }

  @Test
  void interceptCall_acceptsAValidTokenUnderThePrimaryKeyId() {
    String token =
        TestTokens.sign(
            new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(JwtKeys.DEFAULT_KEY_ID).build(),
            claims("chat:write").build(),
            TestTokens.SECRET);

    assertThat(createThreadWith(token).getId()).isNotEmpty();
  }

  @Test
  void interceptCall_acceptsARotatedKeyChosenByKeyId() {
    String token =
        TestTokens.sign(
            new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(TestTokens.ROTATED_KEY_ID).build(),
            claims("chat:write").build(),
            TestTokens.ROTATED_SECRET);

    assertThat(createThreadWith(token).getId()).isNotEmpty();
  }

  @Test
  void interceptCall_rejectsAMissingToken() {
    assertFails(
        () -> chat(null).createThread(thread()), Code.UNAUTHENTICATED, "missing bearer token");
  }

  @Test
  void interceptCall_rejectsAMalformedAuthorizationHeader() {
    for (String header : new String[] {"Basic dXNlcjpwYXNz", "Bearer", "Bearer ", "Bearer a b"}) {
      assertFails(
          () -> chat(header).createThread(thread()),
          Code.UNAUTHENTICATED,
          "malformed authorization header");
    }
  }

  @Test
  void interceptCall_rejectsAMalformedToken() {
    for (String token : new String[] {"not-a-jwt", "a.b.c", "e30.e30"}) {
      assertFails(
          () -> chat("Bearer " + token).createThread(thread()),
          Code.UNAUTHENTICATED,
          "malformed token");
    }
  }

  @Test
  void interceptCall_rejectsAnUnsignedToken() {
    String unsigned = new PlainJWT(claims("chat:write").build()).serialize();

    assertFails(
        () -> createThreadWith(unsigned), Code.UNAUTHENTICATED, "unsigned tokens are not accepted");
  }

  @Test
  void interceptCall_rejectsAnotherAlgorithm() {
    String hs512 =
        TestTokens.sign(
            new JWSHeader(JWSAlgorithm.HS512),
            claims("chat:write").build(),
            TestTokens.SECRET + TestTokens.SECRET);

    assertFails(
        () -> createThreadWith(hs512),
        Code.UNAUTHENTICATED,
        "algorithm HS512 is not accepted; expected HS256");
  }

  @Test
  void interceptCall_rejectsAnUnknownKeyId() {
    String token =
        TestTokens.sign(
            new JWSHeader.Builder(JWSAlgorithm.HS256).keyID("x").build(),
            claims("chat:write").build(),
            TestTokens.SECRET);

    assertFails(() -> createThreadWith(token), Code.UNAUTHENTICATED, "unknown key id 'x'");
  }

  @Test
  void interceptCall_rejectsABadSignature() {
    String otherSecret =
        TestTokens.sign(
            new JWSHeader(JWSAlgorithm.HS256),
            claims("chat:write").build(),
            "another-secret-that-is-long-enough-0123456789");
    String wrongKeyForKid =
        TestTokens.sign(
            new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(TestTokens.ROTATED_KEY_ID).build(),
            claims("chat:write").build(),
            TestTokens.SECRET);

    assertFails(() -> createThreadWith(otherSecret), Code.UNAUTHENTICATED, "invalid signature");
    assertFails(() -> createThreadWith(wrongKeyForKid), Code.UNAUTHENTICATED, "invalid signature");
  }

  @Test
  void interceptCall_rejectsATokenExpiredBeyondTheClockSkew() {
    String expired = TestTokens.sign(claims("chat:write").expirationTime(at(-61)).build());

    assertFails(() -> createThreadWith(expired), Code.UNAUTHENTICATED, "token expired");
  }

  @Test
  void interceptCall_acceptsATokenExpiredWithinTheClockSkew() {
    String justExpired = TestTokens.sign(claims("chat:write").expirationTime(at(-59)).build());

    assertThat(createThreadWith(justExpired).getId()).isNotEmpty();
  }

  @Test
  void interceptCall_rejectsATokenForAnotherAudience() {
    String token = TestTokens.sign(claims("chat:write").audience("someone-else").build());

    assertFails(
        () -> createThreadWith(token),
        Code.UNAUTHENTICATED,
        "token audience does not include midimo-chat");
  }

  @Test
  void interceptCall_rejectsAnUnexpectedIssuer() {
    String token = TestTokens.sign(claims("chat:write").issuer("x").build());

    assertFails(() -> createThreadWith(token), Code.UNAUTHENTICATED, "unexpected issuer 'x'");
  }

  @Test
  void interceptCall_rejectsATokenWithoutARequiredClaim() {
    String noExp = TestTokens.sign(claims("chat:write").expirationTime(null).build());
    String noIss = TestTokens.sign(claims("chat:write").issuer(null).build());
    String noAud = TestTokens.sign(claims("chat:write").audience((String) null).build());

    assertFails(
        () -> createThreadWith(noExp), Code.UNAUTHENTICATED, "token lacks required claim 'exp'");
    assertFails(
        () -> createThreadWith(noIss), Code.UNAUTHENTICATED, "token lacks required claim 'iss'");
    assertFails(
        () -> createThreadWith(noAud), Code.UNAUTHENTICATED, "token lacks required claim 'aud'");
  }

  @Test
  void interceptCall_deniesATokenWithoutTheServicesScope() {
    String presenceOnly = TestTokens.sign(claims("presence:write").build());
    String noScope = TestTokens.sign(claims("chat:write").claim("scope", null).build());

    assertFails(
        () -> createThreadWith(presenceOnly),
        Code.PERMISSION_DENIED,
        "token scope lacks 'chat:write'");
    assertFails(
        () -> createThreadWith(noScope), Code.PERMISSION_DENIED, "token scope lacks 'chat:write'");
    assertFails(
        () ->
            NotificationServiceGrpc.newBlockingStub(emulator.channel())
                .withInterceptors(InProcessEmulator.bearer(presenceOnly))
                .listNotifications(ListNotificationsRequest.newBuilder().setUserId("u").build()),
        Code.PERMISSION_DENIED,
        "token scope lacks 'notification:write'");
    // The scope it has is enough for its own service.
    assertThat(
            PresenceServiceGrpc.newBlockingStub(emulator.channel())
                .withInterceptors(InProcessEmulator.bearer(presenceOnly))
                .getPresence(GetPresenceRequest.newBuilder().addUserIds("u").build())
                .getPresencesCount())
        .isEqualTo(1);
  }

  @Test
  void interceptCall_isNotAppliedToHealthOrControl() {
    assertThat(
            HealthGrpc.newBlockingStub(emulator.channel())
                .check(HealthCheckRequest.getDefaultInstance())
                .getStatus())
        .isEqualTo(ServingStatus.SERVING);
    assertThat(emulator.control().getStats(GetStatsRequest.getDefaultInstance()).getThreads())
        .isZero();
  }

  private Thread createThreadWith(String token) {
    return chat("Bearer " + token).createThread(thread());
  }

  /** A chat stub sending this authorization header (none when null). */
  private ChatServiceGrpc.ChatServiceBlockingStub chat(String authorization) {
    ChatServiceGrpc.ChatServiceBlockingStub stub =
        ChatServiceGrpc.newBlockingStub(emulator.channel());
    if (authorization == null) {
      return stub;
    }
    Metadata headers = new Metadata();
    headers.put(InProcessEmulator.AUTHORIZATION, authorization);
    ClientInterceptor attach = MetadataUtils.newAttachHeadersInterceptor(headers);
    return stub.withInterceptors(attach);
  }

  private static JWTClaimsSet.Builder claims(String scope) {
    return TestTokens.claims(FROZEN, scope);
  }

  private static Date at(long secondsFromNow) {
    return Date.from(NOW.plus(Duration.ofSeconds(secondsFromNow)));
  }

  private static CreateThreadRequest thread() {
    return CreateThreadRequest.newBuilder().setUserId("u").setTitle("t").build();
  }
}
