package com.midimo.chat.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.grpc.Status;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/** Asserts on the status a call failed with, read back as a client reads it. */
public final class GrpcAssertions {
  private GrpcAssertions() {}

  /** The call fails with {@code code} and a description containing {@code description}. */
  public static Status assertFails(ThrowingCallable call, Status.Code code, String description) {
    Throwable thrown = catchThrowable(call);
    assertThat(thrown).as("the call should have failed with %s", code).isNotNull();
    Status status = Status.fromThrowable(thrown);
    assertThat(status.getCode()).as("status of %s", status).isEqualTo(code);
    assertThat(status.getDescription()).contains(description);
    return status;
  }
}
