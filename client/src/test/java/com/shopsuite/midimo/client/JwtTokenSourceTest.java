package com.shopsuite.midimo.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class JwtTokenSourceTest {

  private static final String SECRET = "token-source-tests-secret-0123456789abcdef";

  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T10:00:00Z"));
  private final JwtTokenSource tokens =
      new JwtTokenSource(
          new JwtSettings(SECRET, "e-commerce", "primary", Duration.ofMinutes(5)), clock);

  @Test
  void token_isHs256_withTheKeyId_andTheClaimsMidimoChatChecks() throws Exception {
    SignedJWT jwt = SignedJWT.parse(tokens.token());

    assertThat(jwt.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.HS256);
    assertThat(jwt.getHeader().getKeyID()).isEqualTo("primary");
    assertThat(jwt.verify(new MACVerifier(SECRET.getBytes(StandardCharsets.UTF_8)))).isTrue();
    var claims = jwt.getJWTClaimsSet();
    assertThat(claims.getIssuer()).isEqualTo("e-commerce");
    assertThat(claims.getAudience()).containsExactly("midimo-chat");
    assertThat(claims.getStringClaim("scope"))
        .isEqualTo("chat:write presence:write notification:write");
    assertThat(claims.getIssueTime().toInstant()).isEqualTo(clock.instant());
    assertThat(
            Duration.between(
                claims.getIssueTime().toInstant(), claims.getExpirationTime().toInstant()))
        .isEqualTo(Duration.ofMinutes(5));
  }

  @Test
  void token_isReused_untilShortlyBeforeItExpires() {
    String first = tokens.token();

    clock.advance(Duration.ofMinutes(3).plusSeconds(59));
    assertThat(tokens.token()).isSameAs(first);

    clock.advance(Duration.ofSeconds(1));
    assertThat(tokens.token()).isNotEqualTo(first);
  }

  @Test
  void invalidate_forgetsOnlyTheRejectedToken() {
    String first = tokens.token();

    tokens.invalidate("some-older-token");
    assertThat(tokens.token()).isSameAs(first);

    tokens.invalidate(first);
    assertThat(tokens.token()).isNotEqualTo(first);
  }

  @Test
  void aRejectedToken_makesTheNextOneUseTheSettingsAsTheyAreNow() throws Exception {
    String rotated = "token-source-tests-rotated-0123456789abcdef";
    AtomicReference<JwtSettings> configured =
        new AtomicReference<>(
            new JwtSettings(SECRET, "e-commerce", "primary", Duration.ofMinutes(5)));
    JwtTokenSource source = new JwtTokenSource(configured::get, clock);
    String first = source.token();

    configured.set(new JwtSettings(rotated, "e-commerce", "secondary", Duration.ofMinutes(5)));
    assertThat(source.token())
        .as("settings are not read while the token is accepted")
        .isSameAs(first);

    source.invalidate(first);
    SignedJWT next = SignedJWT.parse(source.token());
    assertThat(next.getHeader().getKeyID()).isEqualTo("secondary");
    assertThat(next.verify(new MACVerifier(rotated.getBytes(StandardCharsets.UTF_8)))).isTrue();
  }

  @Test
  void settingsThatCannotBeReadAgain_leaveTheCurrentOnesInUse() throws Exception {
    AtomicReference<Boolean> broken = new AtomicReference<>(false);
    JwtSettings settings = new JwtSettings(SECRET, "e-commerce", "primary", Duration.ofMinutes(5));
    JwtTokenSource source =
        new JwtTokenSource(
            () -> {
              if (broken.get()) {
                throw new IllegalArgumentException("the JWT secret must be at least 32 bytes long");
              }
              return settings;
            },
            clock);
    String first = source.token();
    broken.set(true);

    source.invalidate(first);
    SignedJWT next = SignedJWT.parse(source.token());
    assertThat(next.serialize()).isNotEqualTo(first);
    assertThat(next.verify(new MACVerifier(SECRET.getBytes(StandardCharsets.UTF_8)))).isTrue();
  }

  @Test
  void settings_refuseAShortSecret_withoutPrintingIt() {
    assertThatThrownBy(
            () ->
                new JwtSettings("short-secret-31-bytes-long-abcd", "e", "k", Duration.ofMinutes(1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at least 32 bytes")
        .hasMessageNotContaining("short-secret");
  }

  @Test
  void settings_neverPrintTheSecret() {
    JwtSettings settings = new JwtSettings(SECRET, "e-commerce", "primary", Duration.ofMinutes(5));
    assertThat(settings.toString()).doesNotContain(SECRET).contains("<redacted>");
    ClientSettings client =
        new ClientSettings(
            EmulatorFixture.plaintext("h", 1),
            settings,
            Duration.ofSeconds(2),
            Duration.ofMinutes(1));
    assertThat(client.toString()).doesNotContain(SECRET);
  }

  private static final class MutableClock extends Clock {
    private Instant now;

    MutableClock(Instant now) {
      this.now = now;
    }

    void advance(Duration duration) {
      now = now.plus(duration);
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public ZoneOffset getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }
  }
}
