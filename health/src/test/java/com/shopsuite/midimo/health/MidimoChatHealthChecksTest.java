package com.shopsuite.midimo.health;

import static org.assertj.core.api.Assertions.assertThat;

import com.shopsuite.midimo.client.ServiceHealth;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.junit.jupiter.api.Test;

class MidimoChatHealthChecksTest {

  private static MidimoChatProbe probe(ServiceHealth health, boolean open) {
    return new MidimoChatProbe() {
      @Override
      public ServiceHealth health() {
        return health;
      }

      @Override
      public String target() {
        return "localhost:50051";
      }

      @Override
      public boolean channelsOpen() {
        return open;
      }
    };
  }

  @Test
  void readiness_isUp_whenMidimoChatServes_andSaysWhere() {
    MidimoChatReadinessCheck check = new MidimoChatReadinessCheck();
    check.probe = probe(new ServiceHealth(true, "SERVING"), true);

    HealthCheckResponse response = check.call();

    assertThat(response.getStatus()).isEqualTo(HealthCheckResponse.Status.UP);
    assertThat(response.getName()).isEqualTo("midimo-chat");
    assertThat(response.getData())
        .get()
        .satisfies(
            data -> {
              assertThat(data).containsEntry("target", "localhost:50051");
              assertThat(data).containsEntry("status", "SERVING");
            });
  }

  @Test
  void readiness_isDown_withTheReason_whenMidimoChatCannotBeReached() {
    MidimoChatReadinessCheck check = new MidimoChatReadinessCheck();
    check.probe = probe(new ServiceHealth(false, "UNAVAILABLE: io exception"), true);

    HealthCheckResponse response = check.call();

    assertThat(response.getStatus()).isEqualTo(HealthCheckResponse.Status.DOWN);
    assertThat(response.getData().get()).containsEntry("status", "UNAVAILABLE: io exception");
  }

  @Test
  void liveness_followsTheChannels_notMidimoChat() {
    MidimoChatLivenessCheck check = new MidimoChatLivenessCheck();
    check.probe = probe(new ServiceHealth(false, "UNAVAILABLE"), true);
    assertThat(check.call().getStatus()).isEqualTo(HealthCheckResponse.Status.UP);

    check.probe = probe(new ServiceHealth(true, "SERVING"), false);
    assertThat(check.call().getStatus()).isEqualTo(HealthCheckResponse.Status.DOWN);
  }
}
