package com.shopsuite.midimo.it.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.shopsuite.midimo.it.Deployments;
import com.shopsuite.midimo.it.Emulator;
import com.shopsuite.midimo.it.Management;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** What an operator's probes see: readiness following Midimo Chat, liveness not; metrics. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class HealthAndMetricsIT {

  @Deployment(testable = false)
  static EnterpriseArchive deployment() {
    return Deployments.application();
  }

  @AfterEach
  void recover() {
    Emulator.clearFaults();
  }

  @Test
  void readiness_goesDownInAnOutage_andBackUp_whileLivenessStaysUp() {
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> Management.get("/health/ready").statusCode() == 200);
    assertThat(Management.get("/health/ready").body())
        .contains("\"name\":\"midimo-chat\"")
        .contains("\"status\":\"SERVING\"");

    Emulator.outage(true);

    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> Management.get("/health/ready").statusCode() == 503);
    HttpResponse<String> down = Management.get("/health/ready");
    assertThat(down.body()).contains("\"name\":\"midimo-chat\"").contains("NOT_SERVING");
    assertThat(Management.get("/health/live").statusCode()).isEqualTo(200);

    Emulator.outage(false);

    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> Management.get("/health/ready").statusCode() == 200);
  }

  @Test
  void metrics_countEveryCallToMidimoChat_byRpcAndStatus() {
    // Each readiness probe is one call to Midimo Chat's health service.
    for (int i = 0; i < 3; i++) {
      Management.get("/health/ready");
    }

    String metrics = Management.get("/metrics").body();

    Matcher healthChecks =
        Pattern.compile(
                "midimo_chat_client_calls_seconds_count\\{[^}]*outcome=\"success\"[^}]*"
                    + "rpc=\"Health/Check\"[^}]*status=\"OK\"[^}]*\\} ([0-9.]+)")
            .matcher(metrics);
    assertThat(healthChecks.find()).as("health-check call metric in %n%s", metrics).isTrue();
    assertThat(Double.parseDouble(healthChecks.group(1))).isGreaterThanOrEqualTo(3);
    assertThat(metrics).contains("midimo_chat_client_calls_seconds_sum{");
  }
}
