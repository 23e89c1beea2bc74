package com.shopsuite.midimo.it.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.shopsuite.midimo.it.Deployments;
import com.shopsuite.midimo.it.RunningSystem;
import com.shopsuite.midimo.it.rest.Storefront;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** What the logs say about a call, and what they never say: no token, no secret, no password. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class LogsIT {

  @Deployment(testable = false)
  static EnterpriseArchive deployment() {
    return Deployments.application();
  }

  @Test
  void theCallLog_hasALinePerCallWithItsRequestId_andNoLogHoldsATokenASecretOrAPassword()
      throws IOException {
    Storefront.get("/threads/no-such-thread", "X-Request-Id", "it-logs-1")
        .problem(404, "not-found");

    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () ->
                assertThat(Storefront.serverLog("midimo_chat.log"))
                    .containsPattern(
                        "rpc=ChatService/GetThread request_id=it-logs-1 status=NOT_FOUND"
                            + " duration_ms=\\d+\\.\\d{3} error=\"thread 'no-such-thread'"));

    String secret =
        Files.readString(
            Path.of(
                System.getProperty("wildfly.base.dir"),
                "configuration",
                "midimo-chat-secrets",
                "midimo.chat.jwt.secret-key"),
            StandardCharsets.UTF_8);
    for (String log : new String[] {"midimo_chat.log", "server.log"}) {
      assertThat(Storefront.serverLog(log))
          .as(log)
          .isNotEmpty()
          .doesNotContain("eyJ") // every JWT starts so: base64url of {"
          .doesNotContain("Bearer ")
          .doesNotContain(secret)
          .doesNotContain(RunningSystem.orderPublisherPassword());
    }
    assertThat(Files.readString(Path.of(System.getProperty("midimo.it.emulator.log"))))
        .as("the emulator's log")
        .contains("request_id=it-logs-1")
        .doesNotContain("eyJ")
        .doesNotContain(secret);
  }
}
