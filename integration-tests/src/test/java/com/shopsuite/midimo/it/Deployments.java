package com.shopsuite.midimo.it;

import com.midimo.chat.emulator.v1.EmulatorControlGrpc;
import java.io.File;
import java.net.URISyntaxException;
import org.assertj.core.api.Assertions;
import org.awaitility.Awaitility;
import org.hamcrest.Matcher;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * What the tests deploy: the real EAR as the build made it (never a hand-assembled imitation).
 * In-container tests add themselves, plus what they need to run inside WildFly, to its WAR:
 *
 * <ul>
 *   <li>application layers: all of them, from the built EAR (lib/: api, client, health, gRPC; the
 *       ejb module; the WAR with the REST API);
 *   <li>test layer: the test classes, this harness, the emulator's control stubs, AssertJ and
 *       Awaitility.
 * </ul>
 */
public final class Deployments {

  public static final String EAR = "midimo-chat.ear";
  private static final String WAR = "midimo-chat-web.war";

  private Deployments() {}

  /** The application exactly as built. */
  public static EnterpriseArchive application() {
    return ShrinkWrap.createFromZipFile(
        EnterpriseArchive.class, new File(System.getProperty("midimo.it.ear")));
  }

  /**
   * The application as built, with configuration of its own for a test: {@code properties} (lines
   * of a microprofile-config.properties) in a library that outranks the application's defaults.
   */
  public static EnterpriseArchive applicationConfiguredWith(String name, String... properties) {
    EnterpriseArchive ear = application();
    ear.addAsLibrary(
        ShrinkWrap.create(JavaArchive.class, name + "-for-tests.jar")
            .addAsManifestResource(
                new StringAsset("config_ordinal=150\n" + String.join("\n", properties) + "\n"),
                "microprofile-config.properties"));
    return ear;
  }

  /** The application, with {@code testClasses} runnable inside it. */
  public static EnterpriseArchive applicationWith(Class<?>... testClasses) {
    EnterpriseArchive ear = application();
    WebArchive war = ear.getAsType(WebArchive.class, WAR);
    war.addClasses(testClasses).addClasses(Emulator.class);
    ear.addAsLibrary(
        ShrinkWrap.create(JavaArchive.class, "emulator-control.jar")
            .addPackage(EmulatorControlGrpc.class.getPackage()));
    ear.addAsLibraries(jarOf(Assertions.class), jarOf(Awaitility.class), jarOf(Matcher.class));
    return ear;
  }

  private static File jarOf(Class<?> type) {
    try {
      return new File(type.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
