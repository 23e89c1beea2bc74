package com.shopsuite.midimo.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The application user remote order-event producers log in as: {@code order-publisher}, role {@code
 * order-publisher} (which messaging.cli lets send to OrderEvents and nothing else), created in the
 * test server's configuration with WildFly's own {@code add-user.sh}.
 */
public final class OrderPublisherUser {

  public static final String NAME = "order-publisher";

  private OrderPublisherUser() {}

  static void create(String password) {
    Path home = Path.of(System.getProperty("jboss.home"));
    Path configuration = Path.of(System.getProperty("wildfly.base.dir"), "configuration");
    try {
      Process process =
          new ProcessBuilder(
                  List.of(
                      home.resolve("bin/add-user.sh").toString(),
                      "-a",
                      "-u",
                      NAME,
                      "-p",
                      password,
                      "-g",
                      NAME,
                      "-sc",
                      configuration.toString(),
                      "-s"))
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.DISCARD)
              .start();
      if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
        process.destroyForcibly();
        throw new IllegalStateException("add-user.sh could not create " + NAME);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  public static String password() {
    return System.getProperty(EmulatorSession.PUBLISHER_PASSWORD_PROPERTY);
  }
}
