package com.shopsuite.midimo.it;

import com.midimo.chat.emulator.launch.EmulatorProcess;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Once per test JVM, before Arquillian starts WildFly: a fresh JWT secret, the emulator started
 * with it, and the secret handed to the server through the server's secrets directory (a
 * MicroProfile Config directory source, see wildfly-config's secrets.cli), never a command line.
 * The port goes to the server as {@code -Dmidimo.chat.port}, through arquillian.xml. Also the
 * order-publisher user that remote producers log in as, with a fresh password, created the way an
 * operator would ({@code add-user.sh}).
 */
public final class EmulatorSession implements LauncherSessionListener {

  static final String PORT_PROPERTY = "midimo.it.emulator.port";
  static final String PUBLISHER_PASSWORD_PROPERTY = "midimo.it.order-publisher.password";

  private EmulatorProcess emulator;

  @Override
  public void launcherSessionOpened(LauncherSession session) {
    String secret = newSecret();
    writeServerSecret(secret);
    String publisherPassword = newSecret();
    OrderPublisherUser.create(publisherPassword);
    System.setProperty(PUBLISHER_PASSWORD_PROPERTY, publisherPassword);
    emulator =
        EmulatorProcess.start(
            Path.of(System.getProperty("midimo.it.emulator.jar")),
            Path.of(System.getProperty("midimo.it.emulator.log")),
            secret,
            List.of("-Xmx256m"),
            List.of("--fault-control"));
    System.setProperty(PORT_PROPERTY, Integer.toString(emulator.port()));
  }

  @Override
  public void launcherSessionClosed(LauncherSession session) {
    if (emulator != null) {
      emulator.close();
    }
  }

  private static String newSecret() {
    byte[] bytes = new byte[48];
    new SecureRandom().nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  private static void writeServerSecret(String secret) {
    Path dir =
        Path.of(System.getProperty("wildfly.base.dir"), "configuration", "midimo-chat-secrets");
    try {
      Files.createDirectories(dir);
      Path file = dir.resolve("midimo.chat.jwt.secret-key");
      Files.writeString(file, secret, StandardCharsets.UTF_8);
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the server's secret", e);
    }
  }
}
