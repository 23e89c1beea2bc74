package com.midimo.chat.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.midimo.chat.emulator.MidimoChatEmulator.DurationConverter;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class MidimoChatEmulatorTest {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();
  private final StringWriter usageErrors = new StringWriter();

  @Test
  void call_refusesToStartWithASecretShorterThan32BytesWithoutPrintingIt() {
    String shortSecret = "a-secret-of-only-26-bytes!";

    int exitCode = run(Map.of("MIDIMO_CHAT_JWT_SECRET_KEY", shortSecret), "--port", "0");

    assertThat(exitCode).isEqualTo(CommandLine.ExitCode.USAGE);
    assertThat(text(err))
        .contains("MIDIMO_CHAT_JWT_SECRET_KEY is too short")
        .doesNotContain(shortSecret);
    assertThat(text(out)).doesNotContain("listening");
  }

  @Test
  void call_refusesToStartWithoutASecret() {
    int exitCode = run(Map.of(), "--port", "0");

    assertThat(exitCode).isEqualTo(CommandLine.ExitCode.USAGE);
    assertThat(text(err)).contains("MIDIMO_CHAT_JWT_SECRET_KEY is not set");
  }

  @Test
  void call_refusesACertificateWithoutItsKey() {
    int exitCode =
        run(
            Map.of("MIDIMO_CHAT_JWT_SECRET_KEY", TestTokens.SECRET),
            "--port",
            "0",
            "--tls-cert",
            "cert.pem");

    assertThat(exitCode).isEqualTo(CommandLine.ExitCode.USAGE);
    assertThat(usageErrors.toString()).contains("--tls-cert and --tls-key go together");
  }

  @Test
  void usage_documentsEveryFlagAndEnvironmentVariable() {
    String usage = commandLine(Map.of()).getUsageMessage(CommandLine.Help.Ansi.OFF);

    for (String documented :
        List.of(
            "--port",
            "MIDIMO_CHAT_PORT",
            "--tls-cert",
            "MIDIMO_CHAT_TLS_CERT",
            "--tls-key",
            "MIDIMO_CHAT_TLS_KEY",
            "--jwt-issuer",
            "MIDIMO_CHAT_JWT_ISSUER",
            "--jwt-keys-file",
            "MIDIMO_CHAT_JWT_KEYS_FILE",
            "--fault-control",
            "MIDIMO_EMULATOR_FAULT_CONTROL",
            "--typing-timeout",
            "--max-threads",
            "--max-messages",
            "--max-notifications",
            "--max-presences",
            "--quiet",
            "MIDIMO_CHAT_JWT_SECRET_KEY",
            "MIDIMO_CHAT_JWT_KEY_ID")) {
      assertThat(usage).contains(documented);
    }
  }

  @Test
  void durationConverter_readsUnitsAndIso8601() {
    DurationConverter converter = new DurationConverter();

    assertThat(converter.convert("10s")).isEqualTo(Duration.ofSeconds(10));
    assertThat(converter.convert("500ms")).isEqualTo(Duration.ofMillis(500));
    assertThat(converter.convert("2m")).isEqualTo(Duration.ofMinutes(2));
    assertThat(converter.convert("PT1.5S")).isEqualTo(Duration.ofMillis(1_500));
    assertThatThrownBy(() -> converter.convert("soon"))
        .isInstanceOf(CommandLine.TypeConversionException.class);
  }

  private int run(Map<String, String> environment, String... args) {
    return commandLine(environment).execute(args);
  }

  private CommandLine commandLine(Map<String, String> environment) {
    CommandLine commandLine =
        new CommandLine(
            new MidimoChatEmulator(
                environment,
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8)));
    commandLine.setErr(new PrintWriter(usageErrors, true));
    return commandLine;
  }

  private static String text(ByteArrayOutputStream stream) {
    return stream.toString(StandardCharsets.UTF_8);
  }
}
