package com.shopsuite.midimo.client;

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
import io.grpc.Status;
import java.util.EnumSet;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class GrpcErrorsTest {

  /** The whole table: every gRPC code, the exception it becomes, and whether that is retryable. */
  static Stream<Arguments> table() {
    return Stream.of(
        Arguments.of(Status.Code.UNAVAILABLE, ServiceUnavailableException.class, true),
        Arguments.of(Status.Code.RESOURCE_EXHAUSTED, ServiceUnavailableException.class, true),
        Arguments.of(Status.Code.DEADLINE_EXCEEDED, ServiceTimeoutException.class, true),
        Arguments.of(Status.Code.UNAUTHENTICATED, AuthenticationException.class, false),
        Arguments.of(Status.Code.PERMISSION_DENIED, AuthorizationException.class, false),
        Arguments.of(Status.Code.INVALID_ARGUMENT, ValidationException.class, false),
        Arguments.of(Status.Code.FAILED_PRECONDITION, ValidationException.class, false),
        Arguments.of(Status.Code.OUT_OF_RANGE, ValidationException.class, false),
        Arguments.of(Status.Code.NOT_FOUND, ResourceNotFoundException.class, false),
        Arguments.of(Status.Code.ALREADY_EXISTS, ConflictException.class, false),
        Arguments.of(Status.Code.ABORTED, ConflictException.class, false),
        Arguments.of(Status.Code.CANCELLED, ServiceFailureException.class, false),
        Arguments.of(Status.Code.UNKNOWN, ServiceFailureException.class, false),
        Arguments.of(Status.Code.INTERNAL, ServiceFailureException.class, false),
        Arguments.of(Status.Code.UNIMPLEMENTED, ServiceFailureException.class, false),
        Arguments.of(Status.Code.DATA_LOSS, ServiceFailureException.class, false),
        Arguments.of(Status.Code.OK, ServiceFailureException.class, false));
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @MethodSource("table")
  void toException_mapsEachCodeToOneKind_withItsRetryability(
      Status.Code code, Class<? extends MidimoChatException> kind, boolean retryable) {
    MidimoChatException mapped =
        GrpcErrors.toException(
            "ChatService/SendMessage",
            code.toStatus().withDescription("described").asRuntimeException());

    assertThat(mapped).isExactlyInstanceOf(kind);
    assertThat(mapped.isRetryable()).isEqualTo(retryable);
    assertThat(mapped.getMessage()).contains("described");
    assertThat(mapped.getCause()).isNotNull();
  }

  @Test
  void table_coversEveryGrpcCode() {
    EnumSet<Status.Code> covered = EnumSet.noneOf(Status.Code.class);
    table().forEach(row -> covered.add((Status.Code) row.get()[0]));
    assertThat(covered).isEqualTo(EnumSet.allOf(Status.Code.class));
  }

  @Test
  void toException_ofAFailureWithoutStatus_isAServiceFailure() {
    MidimoChatException mapped =
        GrpcErrors.toException("ChatService/GetThread", new IllegalStateException("boom"));
    assertThat(mapped).isInstanceOf(ServiceFailureException.class);
  }

  @Test
  void toException_namesTheRpc_forFailuresOfTheService() {
    Map<Status.Code, String> expected =
        Map.of(
            Status.Code.UNAVAILABLE, "unavailable",
            Status.Code.DEADLINE_EXCEEDED, "did not answer in time",
            Status.Code.UNAUTHENTICATED, "rejected the integration's credentials");
    expected.forEach(
        (code, text) ->
            assertThat(
                    GrpcErrors.toException(
                            "ChatService/GetThread", code.toStatus().asRuntimeException())
                        .getMessage())
                .contains(text)
                .contains("ChatService/GetThread"));
  }
}
