package com.shopsuite.midimo.core.connection;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigValue;

/**
 * The secrets directory (wildfly-config's {@code secrets.cli}: one file per property), read again
 * on demand. WildFly's directory config source reads its files once, at boot; a secret rotated in
 * the directory (a new Kubernetes secret version, a file replaced by an operator) is only seen by
 * reading the file again.
 *
 * <p>A value set where the directory cannot override it (an environment variable, a system
 * property: ordinal above the directory's) keeps winning, exactly as at boot.
 */
final class SecretsDirectory {

  /** The directory's ordinal in secrets.cli. */
  static final int ORDINAL = 270;

  private final Path directory;
  private final Config config;

  SecretsDirectory(Path directory, Config config) {
    this.directory = directory;
    this.config = config;
  }

  /** The value of {@code key} as it is now: the directory's file, unless a stronger source wins. */
  Optional<String> current(String key) {
    ConfigValue configured = config.getConfigValue(key);
    if (configured.getValue() != null && configured.getSourceOrdinal() > ORDINAL) {
      return Optional.of(configured.getValue());
    }
    Path file = directory.resolve(key);
    if (Files.isRegularFile(file)) {
      return Optional.of(read(file));
    }
    return Optional.ofNullable(configured.getValue());
  }

  /** As WildFly's directory source reads a file: its lines, joined without separators. */
  private static String read(Path file) {
    try (Stream<String> lines = Files.lines(file)) {
      return lines.collect(Collectors.joining());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file.getFileName() + " again", e);
    }
  }
}
