package com.shopsuite.midimo.it;

import com.shopsuite.midimo.launcher.ApplicationUser;
import com.shopsuite.midimo.launcher.DevIssuer;
import com.shopsuite.midimo.launcher.EmulatorProcess;
import com.shopsuite.midimo.launcher.Secrets;
import com.shopsuite.midimo.launcher.ServerBase;
import com.shopsuite.midimo.launcher.WildFlyNode;
import java.nio.file.Path;
import java.util.List;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * The system the tests run against, started once per test JVM before any test, the way {@code
 * run.sh} starts it (the launcher module): the packaged emulator with fault control and a fresh JWT
 * secret, then WildFly on a fresh base directory with that secret in its secrets directory and the
 * order-publisher user (a fresh password), nothing deployed. Arquillian connects to that server
 * (arquillian.xml: allowConnectingToRunningServer) and deploys what each test needs.
 */
public final class RunningSystem implements LauncherSessionListener {

  static final String PORT_PROPERTY = "midimo.it.emulator.port";
  private static final String PUBLISHER_PASSWORD_PROPERTY = "midimo.it.order-publisher.password";

  /** The application user remote order-event producers log in as (messaging.cli). */
  public static final String ORDER_PUBLISHER = "order-publisher";

  /** An application user of the remote EJB views (role suite-service). */
  public static final String SUITE_SERVICE = "suite-service";

  /** An application user without the suite-service role. */
  public static final String OUTSIDER = "someone-else";

  private static final String SUITE_SERVICE_PASSWORD_PROPERTY = "midimo.it.suite-service.password";
  private static final String OUTSIDER_PASSWORD_PROPERTY = "midimo.it.outsider.password";

  /** The emulator's limit of concurrent streams per connection, as most gRPC servers set it. */
  public static final int MAX_STREAMS_PER_CONNECTION = 100;

  private static volatile DevIssuer issuer;
  private static volatile String jwtSecret;

  private EmulatorProcess emulator;
  private WildFlyNode server;

  @Override
  public void launcherSessionOpened(LauncherSession session) {
    String secret = Secrets.random(48);
    jwtSecret = secret;
    String publisherPassword = Secrets.random(24);
    System.setProperty(PUBLISHER_PASSWORD_PROPERTY, publisherPassword);
    String suiteServicePassword = Secrets.random(24);
    System.setProperty(SUITE_SERVICE_PASSWORD_PROPERTY, suiteServicePassword);
    String outsiderPassword = Secrets.random(24);
    System.setProperty(OUTSIDER_PASSWORD_PROPERTY, outsiderPassword);
    Path base = Path.of(System.getProperty("wildfly.base.dir"));
    issuer = DevIssuer.create(base.resolveSibling("token-issuer"));
    emulator =
        EmulatorProcess.start(
            Path.of(System.getProperty("midimo.it.emulator.jar")),
            Path.of(System.getProperty("midimo.it.emulator.log")),
            secret,
            0,
            List.of("-Xmx256m"),
            // As a real gRPC server: at most 100 streams at once on one connection.
            List.of(
                "--fault-control",
                "--max-concurrent-streams",
                Integer.toString(MAX_STREAMS_PER_CONNECTION)));
    System.setProperty(PORT_PROPERTY, Integer.toString(emulator.port()));
    try {
      server =
          ServerBase.prepare(
                  ServerBase.Settings.builder(Path.of(System.getProperty("jboss.home")), base)
                      .name("the tests' WildFly")
                      .portOffset(Integer.getInteger("wildfly.port-offset"))
                      .secret("midimo.chat.jwt.secret-key", secret)
                      .user(ApplicationUser.of(ORDER_PUBLISHER, publisherPassword, ORDER_PUBLISHER))
                      .user(ApplicationUser.of(SUITE_SERVICE, suiteServicePassword, SUITE_SERVICE))
                      .user(ApplicationUser.of(OUTSIDER, outsiderPassword, "guest"))
                      .configurationFile(DevIssuer.SERVER_KEY_FILE, issuer.publicKey())
                      .systemProperty("midimo.chat.port", Integer.toString(emulator.port()))
                      .heap("-Xms128m -Xmx512m")
                      .jvmOption("-XX:MaxMetaspaceSize=384m")
                      // RedeployIT counts loaded classes after a GC: soft references are cleared
                      // at every collection, so it counts what is strongly held, not what server
                      // caches keep softly until memory runs short.
                      .jvmOption("-XX:SoftRefLRUPolicyMSPerMB=0")
                      .build())
              .start();
    } catch (RuntimeException e) {
      emulator.close();
      throw e;
    }
  }

  @Override
  public void launcherSessionClosed(LauncherSession session) {
    try {
      if (server != null) {
        server.close();
      }
    } finally {
      if (emulator != null) {
        emulator.close();
      }
    }
  }

  /** The order-publisher's password, generated for this run. */
  public static String orderPublisherPassword() {
    return System.getProperty(PUBLISHER_PASSWORD_PROPERTY);
  }

  public static String suiteServicePassword() {
    return System.getProperty(SUITE_SERVICE_PASSWORD_PROPERTY);
  }

  public static String outsiderPassword() {
    return System.getProperty(OUTSIDER_PASSWORD_PROPERTY);
  }

  /**
   * The JWT secret the emulator and the tests' server share, for another node of the tests (the
   * remote-broker node of RemoteBrokerIT) in front of the same emulator.
   */
  public static String jwtSecret() {
    return jwtSecret;
  }

  /**
   * The token issuer the tests' server trusts (its public key is in the server's configuration).
   */
  public static DevIssuer issuer() {
    return issuer;
  }
}
