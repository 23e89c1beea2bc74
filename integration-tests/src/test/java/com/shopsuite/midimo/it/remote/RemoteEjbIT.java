package com.shopsuite.midimo.it.remote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.shopsuite.midimo.chat.ChatService;
import com.shopsuite.midimo.chat.SupportThread;
import com.shopsuite.midimo.error.ResourceNotFoundException;
import com.shopsuite.midimo.error.ValidationException;
import com.shopsuite.midimo.it.Deployments;
import com.shopsuite.midimo.it.Emulator;
import com.shopsuite.midimo.it.RunningSystem;
import com.shopsuite.midimo.notification.NotificationService;
import com.shopsuite.midimo.presence.AgentAvailability;
import com.shopsuite.midimo.presence.PresenceService;
import jakarta.ejb.EJBAccessException;
import java.io.File;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.Callable;
import javax.naming.Context;
import javax.naming.InitialContext;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.Archive;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.wildfly.security.auth.client.AuthenticationConfiguration;
import org.wildfly.security.auth.client.AuthenticationContext;
import org.wildfly.security.auth.client.MatchRule;
import org.wildfly.security.sasl.SaslMechanismSelector;

/**
 * The suite's other services calling the integration from their own JVM (this test's): the remote
 * views of midimo-chat-remote.jar over HTTP remoting, as an application user of WildFly's
 * ApplicationRealm. Only users in the suite-service role get through.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class RemoteEjbIT {

  private static final String CHAT =
      "ejb:/midimo-chat-remote/ChatService!com.shopsuite.midimo.chat.ChatService";
  private static final String PRESENCE =
      "ejb:/midimo-chat-remote/PresenceService!com.shopsuite.midimo.presence.PresenceService";
  private static final String NOTIFICATIONS =
      "ejb:/midimo-chat-remote/NotificationService!com.shopsuite.midimo.notification.NotificationService";

  @Deployment(name = "application", order = 1, testable = false)
  static EnterpriseArchive application() {
    return Deployments.application();
  }

  @Deployment(name = "remote", order = 2, testable = false)
  static Archive<?> remoteViews() {
    return ShrinkWrap.createFromZipFile(
        JavaArchive.class, new File(System.getProperty("midimo.it.remote-jar")));
  }

  @BeforeEach
  void emptyMidimoChat() {
    Emulator.reset();
  }

  @Test
  void aSuiteService_callsEveryService() throws Exception {
    SupportThread support =
        as(
            RunningSystem.SUITE_SERVICE,
            RunningSystem.suiteServicePassword(),
            () -> lookup(CHAT, ChatService.class).createSupportThread("cust_r", "order_r", null));

    assertThat(support.created()).isTrue();
    assertThat(support.thread().participants()).contains("cust_r");
    List<AgentAvailability> agents =
        as(
            RunningSystem.SUITE_SERVICE,
            RunningSystem.suiteServicePassword(),
            () -> lookup(PRESENCE, PresenceService.class).getAgentAvailability(List.of("agent_1")));
    assertThat(agents).extracting(AgentAvailability::agentId).containsExactly("agent_1");
    assertThat(
            as(
                    RunningSystem.SUITE_SERVICE,
                    RunningSystem.suiteServicePassword(),
                    () ->
                        lookup(NOTIFICATIONS, NotificationService.class)
                            .listNotifications("cust_r", false, 10, null))
                .notifications())
        .isEmpty();
  }

  @Test
  void failuresArrive_asTheIntegrationsExceptions() {
    assertThatThrownBy(
            () ->
                as(
                    RunningSystem.SUITE_SERVICE,
                    RunningSystem.suiteServicePassword(),
                    () -> lookup(CHAT, ChatService.class).getThread("thr_missing")))
        .isInstanceOf(ResourceNotFoundException.class)
        .hasNoCause();
    assertThatThrownBy(
            () ->
                as(
                    RunningSystem.SUITE_SERVICE,
                    RunningSystem.suiteServicePassword(),
                    () -> lookup(CHAT, ChatService.class).createSupportThread("", "o", null)))
        .isInstanceOf(ValidationException.class);
  }

  @Test
  void aUserWithoutTheRole_isRefused() {
    assertThatThrownBy(
            () ->
                as(
                    RunningSystem.OUTSIDER,
                    RunningSystem.outsiderPassword(),
                    () -> lookup(CHAT, ChatService.class).createSupportThread("c", "o", null)))
        .isInstanceOf(EJBAccessException.class);
    assertThat(Emulator.stats().getThreads()).isZero();
  }

  @Test
  void aWrongPassword_isRefused() {
    assertThatThrownBy(
            () ->
                as(
                    RunningSystem.SUITE_SERVICE,
                    "not-the-password",
                    () -> lookup(CHAT, ChatService.class).createSupportThread("c", "o", null)))
        .isNotNull();
    assertThat(Emulator.stats().getThreads()).isZero();
  }

  @Test
  void noCredentials_areRefused() {
    assertThatThrownBy(
            () ->
                AuthenticationContext.empty()
                    .with(
                        MatchRule.ALL,
                        AuthenticationConfiguration.empty()
                            .setSaslMechanismSelector(
                                SaslMechanismSelector.NONE.addMechanism("DIGEST-MD5")))
                    .runCallable(
                        () -> lookup(CHAT, ChatService.class).createSupportThread("c", "o", null)))
        .isNotNull();
    assertThat(Emulator.stats().getThreads()).isZero();
  }

  /** Runs {@code call} as the application user {@code name}, with DIGEST-MD5 only. */
  private static <T> T as(String name, String password, Callable<T> call) throws Exception {
    AuthenticationConfiguration user =
        AuthenticationConfiguration.empty()
            .useName(name)
            .usePassword(password)
            .setSaslMechanismSelector(SaslMechanismSelector.NONE.addMechanism("DIGEST-MD5"));
    return AuthenticationContext.empty().with(MatchRule.ALL, user).runCallable(call);
  }

  private static <T> T lookup(String name, Class<T> view) throws Exception {
    Properties environment = new Properties();
    environment.put(
        Context.INITIAL_CONTEXT_FACTORY, "org.wildfly.naming.client.WildFlyInitialContextFactory");
    environment.put(
        Context.PROVIDER_URL,
        "remote+http://localhost:" + (8080 + Integer.getInteger("wildfly.port-offset", 0)));
    Context context = new InitialContext(environment);
    try {
      return view.cast(context.lookup(name));
    } finally {
      context.close();
    }
  }
}
