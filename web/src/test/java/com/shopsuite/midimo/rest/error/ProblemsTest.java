package com.shopsuite.midimo.rest.error;

import static org.assertj.core.api.Assertions.assertThat;

import com.shopsuite.midimo.error.AuthenticationException;
import com.shopsuite.midimo.error.AuthorizationException;
import com.shopsuite.midimo.error.ConflictException;
import com.shopsuite.midimo.error.MidimoChatException;
import com.shopsuite.midimo.error.ResourceNotFoundException;
import com.shopsuite.midimo.error.ServiceFailureException;
import com.shopsuite.midimo.error.ServiceTimeoutException;
import com.shopsuite.midimo.error.ServiceUnavailableException;
import com.shopsuite.midimo.error.ValidationException;
import com.shopsuite.midimo.rest.error.Problems.Answer;
import jakarta.validation.ConstraintViolationException;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ProblemsTest {

  private static final String REQUEST_ID = "req-42";
  private static final String PREFIX = "urn:shopsuite:midimo-chat:problem:";

  static Stream<Arguments> everyKindOfMidimoChatFailure() {
    return Stream.of(
        Arguments.of(new ValidationException("before_id is not a message"), 400, "validation"),
        Arguments.of(new AuthorizationException("not a participant", null), 403, "forbidden"),
        Arguments.of(
            new ResourceNotFoundException("thread 't1' not found", null), 404, "not-found"),
        Arguments.of(new ConflictException("request_id reused", null), 409, "conflict"),
        Arguments.of(new AuthenticationException("bad token", null), 502, "bad-gateway"),
        Arguments.of(new ServiceUnavailableException("down", null), 503, "service-unavailable"),
        Arguments.of(new ServiceTimeoutException("slow", null), 504, "timeout"),
        Arguments.of(new ServiceFailureException("INTERNAL", null), 500, "internal"));
  }

  @ParameterizedTest
  @MethodSource("everyKindOfMidimoChatFailure")
  void answer_mapsEachMidimoChatFailure_toItsStatusAndType(
      MidimoChatException failure, int status, String kind) {
    Answer answer = Problems.answer(failure, REQUEST_ID);

    assertThat(answer.problem().status()).isEqualTo(status);
    assertThat(answer.problem().type()).isEqualTo(PREFIX + kind);
    assertThat(answer.problem().title()).isNotBlank();
    assertThat(answer.problem().requestId()).isEqualTo(REQUEST_ID);
  }

  @Test
  void answer_passesOnWhatMidimoChatSaid_forTheCallersOwnMistakes() {
    Answer answer =
        Problems.answer(new ResourceNotFoundException("thread 't1' not found", null), REQUEST_ID);

    assertThat(answer.problem().detail()).isEqualTo("thread 't1' not found");
  }

  @Test
  void answer_keepsUpstreamTextOnOneLine_andBounded() {
    String text = "line one\r\nline two " + "x".repeat(1_000);

    String detail = Problems.answer(new ValidationException(text), REQUEST_ID).problem().detail();

    assertThat(detail).doesNotContain("\n", "\r").hasSizeLessThanOrEqualTo(503);
  }

  @Test
  void unavailable_saysRetryAfterInWholeSeconds_roundedUp() {
    Answer answer =
        Problems.answer(
            new ServiceUnavailableException("circuit open", Duration.ofMillis(2_100), null),
            REQUEST_ID);

    assertThat(answer.headers()).containsEntry("Retry-After", "3");
    assertThat(answer.problem().detail()).contains("3 s");
  }

  @Test
  void unavailable_withoutAKnownWait_saysRetryAfterFiveSeconds() {
    Answer answer = Problems.answer(new ServiceUnavailableException("down", null), REQUEST_ID);

    assertThat(answer.headers()).containsEntry("Retry-After", "5");
  }

  @Test
  void unavailable_neverSaysRetryAfterZero() {
    Answer answer =
        Problems.answer(
            new ServiceUnavailableException("busy", Duration.ofMillis(10), null), REQUEST_ID);

    assertThat(answer.headers()).containsEntry("Retry-After", "1");
  }

  @Test
  void unavailable_doesNotEchoTheInternalMessage() {
    Answer answer =
        Problems.answer(
            new ServiceUnavailableException(
                "Midimo Chat is unavailable (ChatService/SendMessage): connection refused", null),
            REQUEST_ID);

    assertThat(answer.problem().detail()).doesNotContain("ChatService", "refused");
  }

  @Test
  void rejectedCredentials_neverEchoTheExceptionText() {
    Answer answer =
        Problems.answer(
            new AuthenticationException("signature check failed with secret s3cr3t-value", null),
            REQUEST_ID);

    assertThat(answer.problem().detail())
        .doesNotContain("s3cr3t-value", "signature")
        .contains("credentials", "midimo.chat.jwt.key-id");
    assertThat(answer.headers()).isEmpty();
  }

  @Test
  void anythingElse_isA500_thatSaysOnlyTheRequestId() {
    Answer answer =
        Problems.answer(new IllegalStateException("pool exhausted at Foo.java:12"), REQUEST_ID);

    assertThat(answer.problem().status()).isEqualTo(500);
    assertThat(answer.problem().type()).isEqualTo(PREFIX + "internal");
    assertThat(answer.problem().detail()).isEqualTo("unexpected error; quote request id req-42");
  }

  @Test
  void aServiceFailure_isA500_withoutItsText() {
    Answer answer =
        Problems.answer(
            new ServiceFailureException("Midimo Chat failed (ChatService/GetThread)", null),
            REQUEST_ID);

    assertThat(answer.problem().detail()).doesNotContain("ChatService");
  }

  @Test
  void aMalformedBody_isA400_withItsOwnExplanation() {
    Answer answer =
        Problems.answer(MalformedBodyException.of(new RuntimeException("Yasson")), REQUEST_ID);

    assertThat(answer.problem().status()).isEqualTo(400);
    assertThat(answer.problem().type()).isEqualTo(PREFIX + "validation");
    assertThat(answer.problem().detail()).startsWith("request body").doesNotContain("Yasson");
  }

  @Test
  void constraintViolations_areA400_namingEveryFieldAsTheJsonDoes() {
    ConstraintViolationException failure =
        Violations.violationsOfASupportThreadRequestBreakingTwoRules();

    Answer answer = Problems.answer(failure, REQUEST_ID);

    assertThat(answer.problem().status()).isEqualTo(400);
    assertThat(answer.problem().detail())
        .isEqualTo("customer_id: size must be between 0 and 128; order_id: must not be blank");
  }

  @Test
  void constraintViolations_withoutDetails_areStillA400() {
    Answer answer = Problems.answer(new ConstraintViolationException("invalid", null), REQUEST_ID);

    assertThat(answer.problem().status()).isEqualTo(400);
  }
}
