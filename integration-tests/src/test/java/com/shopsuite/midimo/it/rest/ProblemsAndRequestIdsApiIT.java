package com.shopsuite.midimo.it.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.shopsuite.midimo.it.Deployments;
import com.shopsuite.midimo.it.Emulator;
import com.shopsuite.midimo.it.rest.Storefront.Reply;
import io.grpc.Status;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What every answer shares: problem+json errors with the right status (also for what JAX-RS itself
 * rejects, and for each way Midimo Chat can fail) and an X-Request-Id that is also in the gRPC call
 * log.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ProblemsAndRequestIdsApiIT {

  @Deployment(testable = false)
  static EnterpriseArchive deployment() {
    return Deployments.application();
  }

  private String threadId;

  @BeforeEach
  void aSupportThread() {
    threadId = Storefront.freshSupportThread();
  }

  @AfterEach
  void noFaultsLeftBehind() {
    Emulator.clearFaults();
  }

  @Test
  void theCallersRequestId_isEchoed_andIsTheIdOfTheGrpcCall() {
    String requestId = "it-" + UUID.randomUUID();

    Reply reply = Storefront.get(messages(), "X-Request-Id", requestId);

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.requestId()).isEqualTo(requestId);
    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () ->
                assertThat(Storefront.serverLog("midimo_chat.log"))
                    .containsPattern(
                        "rpc=ChatService/GetThreadMessages request_id="
                            + requestId
                            + " status=OK"));
  }

  @Test
  void withoutARequestId_theAnswerCarriesANewOne() {
    Reply first = Storefront.get(messages());
    Reply second = Storefront.get(messages());

    assertThat(first.requestId()).isNotBlank().isNotEqualTo(second.requestId());
  }

  @Test
  void anUnacceptableRequestId_isReplaced_notEchoed() {
    String forged = "x".repeat(129);

    Reply reply = Storefront.get(messages(), "X-Request-Id", forged);

    assertThat(reply.requestId()).isNotBlank().isNotEqualTo(forged);
  }

  @Test
  void anUnknownPath_isA404Problem_withARequestId() {
    Storefront.get("/no/such/resource", "X-Request-Id", "it-unknown-path")
        .problem(404, "not-found");
  }

  @Test
  void aPathOfTheWarOutsideTheApi_isA404Problem_notAnHtmlPage() {
    for (String path : new String[] {"/chat/", "/chat/index.html"}) {
      Reply reply =
          Storefront.send(
              Storefront.requestTo(Storefront.SERVER.resolve(path))
                  .header("X-Request-Id", "it-outside")
                  .GET());

      reply.problem(404, "not-found");
      assertThat(reply.requestId()).isEqualTo("it-outside");
    }
  }

  @Test
  void anUnsupportedMethod_isA405Problem_thatSaysWhatIsAllowed() {
    Reply reply = Storefront.send(Storefront.request("/support-threads").DELETE());

    reply.problem(405, "method-not-allowed");
    assertThat(reply.header("Allow"))
        .hasValueSatisfying(allow -> assertThat(allow).contains("POST"));
  }

  @Test
  void aBodyThatIsNotJson_isA415Problem() {
    Reply reply =
        Storefront.send(
            Storefront.request("/support-threads")
                .header("Content-Type", "text/plain")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("customer_id=c1")));

    reply.problem(415, "unsupported-media-type");
  }

  @Test
  void midimoChatDown_isA503Problem_withRetryAfter() {
    Emulator.outage(true);

    Reply reply = Storefront.get(messages());

    reply.problem(503, "service-unavailable");
    assertThat(reply.header("Retry-After"))
        .hasValueSatisfying(s -> assertThat(Long.parseLong(s)).isPositive());
  }

  @Test
  void midimoChatTooSlow_isA504Problem() {
    Emulator.latency("ChatService/GetThreadMessages", 2_500);

    Storefront.get(messages()).problem(504, "timeout");
  }

  @Test
  void ourCredentialsRejected_isA502Problem_thatDoesNotEchoWhy() {
    // Twice: the client re-mints its token once on UNAUTHENTICATED before giving up.
    Emulator.failNext("ChatService/GetThreadMessages", 2, Status.Code.UNAUTHENTICATED);

    JsonObject problem = Storefront.get(messages()).problem(502, "bad-gateway");

    assertThat(problem.getString("detail")).contains("credentials").doesNotContain("injected");
  }

  @Test
  void anUnexpectedFailure_isA500_thatSaysOnlyTheRequestId_andIsLoggedUnderIt() {
    Emulator.failNext("ChatService/GetThreadMessages", 1, Status.Code.INTERNAL);
    String requestId = "it-" + UUID.randomUUID();

    JsonObject problem =
        Storefront.get(messages(), "X-Request-Id", requestId).problem(500, "internal");

    assertThat(problem.getString("detail"))
        .isEqualTo("unexpected error; quote request id " + requestId);
    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () ->
                assertThat(Storefront.serverLog("server.log"))
                    .containsPattern(
                        "\\[com\\.shopsuite\\.midimo\\.rest\\.error\\.Problems\\] .*"
                            + "unexpected error, request_id="
                            + requestId
                            + ": com\\.shopsuite\\.midimo\\.error\\.ServiceFailureException"));
  }

  private String messages() {
    return "/threads/" + threadId + "/messages";
  }
}
