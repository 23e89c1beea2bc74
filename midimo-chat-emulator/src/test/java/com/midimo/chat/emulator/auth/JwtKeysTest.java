package com.midimo.chat.emulator.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JwtKeysTest {
  private static final String SHORT = "only-31-bytes-long-0123456789ab";
  private static final String LONG_ENOUGH = "exactly-32-bytes-long-0123456789";

  @Test
  void fromEnvironment_refusesASecretShorterThan32BytesNamingTheVariableNotTheValue() {
    assertThat(SHORT.getBytes(StandardCharsets.UTF_8)).hasSize(31);

    assertThatThrownBy(() -> JwtKeys.fromEnvironment(Map.of(JwtKeys.PRIMARY_KEY_ENV, SHORT)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("MIDIMO_CHAT_JWT_SECRET_KEY is too short")
        .hasMessageNotContaining(SHORT);
  }

  @Test
  void fromEnvironment_refusesAMissingSecret() {
    assertThatThrownBy(() -> JwtKeys.fromEnvironment(Map.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("MIDIMO_CHAT_JWT_SECRET_KEY is not set");
  }

  @Test
  void fromEnvironment_countsUtf8BytesAndUsesTheKeyIdVariable() {
    // 16 characters, 32 bytes.
    String accented = "é".repeat(16);

    JwtKeys keys =
        JwtKeys.fromEnvironment(
            Map.of(JwtKeys.PRIMARY_KEY_ENV, accented, JwtKeys.KEY_ID_VARIABLE, "2026-11"));

    assertThat(keys.primaryKeyId()).isEqualTo("2026-11");
    assertThat(keys.secret(null)).contains(accented.getBytes(StandardCharsets.UTF_8));
    assertThat(JwtKeys.fromEnvironment(Map.of(JwtKeys.PRIMARY_KEY_ENV, LONG_ENOUGH)).primaryKeyId())
        .isEqualTo("primary");
  }

  @Test
  void withKeysFile_addsEachKeyUnderItsIdAndRefusesAShortOneWithoutPrintingIt(@TempDir Path dir)
      throws IOException {
    Path good = Files.writeString(dir.resolve("keys.properties"), "next=" + LONG_ENOUGH + "\n");
    Path bad = Files.writeString(dir.resolve("bad.properties"), "old=" + SHORT + "\n");
    JwtKeys primary = JwtKeys.primary("primary", LONG_ENOUGH + "-primary");

    JwtKeys keys = primary.withKeysFile(good);

    assertThat(keys.secret("next")).contains(LONG_ENOUGH.getBytes(StandardCharsets.UTF_8));
    assertThat(keys.secret("primary")).isPresent();
    assertThat(keys.toString()).doesNotContain(LONG_ENOUGH);
    assertThatThrownBy(() -> primary.withKeysFile(bad))
        .hasMessageContaining("JWT key 'old' is too short")
        .hasMessageNotContaining(SHORT);
  }
}
