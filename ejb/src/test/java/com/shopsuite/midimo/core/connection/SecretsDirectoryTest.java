package com.shopsuite.midimo.core.connection;

import static org.assertj.core.api.Assertions.assertThat;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.eclipse.microprofile.config.Config;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretsDirectoryTest {

  private static final String KEY = "midimo.chat.jwt.secret-key";

  @TempDir Path directory;

  private static Config config(Map<String, String> properties, int ordinal) {
    return new SmallRyeConfigBuilder()
        .withSources(new PropertiesConfigSource(properties, "test", ordinal))
        .build();
  }

  @Test
  void aFileReplacedInTheDirectory_isReadAsItIsNow() throws IOException {
    SecretsDirectory secrets =
        new SecretsDirectory(directory, config(Map.of(KEY, "read-at-boot"), 270));
    Files.writeString(directory.resolve(KEY), "first");
    assertThat(secrets.current(KEY)).contains("first");

    Files.writeString(directory.resolve(KEY), "rotated\n");
    assertThat(secrets.current(KEY)).contains("rotated");
  }

  @Test
  void anEnvironmentVariableOrSystemProperty_keepsWinning_asAtBoot() throws IOException {
    Files.writeString(directory.resolve(KEY), "from-the-directory");
    SecretsDirectory secrets =
        new SecretsDirectory(directory, config(Map.of(KEY, "from-the-environment"), 300));

    assertThat(secrets.current(KEY)).contains("from-the-environment");
  }

  @Test
  void withoutAFile_theConfiguredValueIsUsed_orNone() {
    SecretsDirectory secrets =
        new SecretsDirectory(directory, config(Map.of(KEY, "the-default"), 100));

    assertThat(secrets.current(KEY)).contains("the-default");
    assertThat(secrets.current("midimo.chat.jwt.key-id")).isEmpty();
  }
}
