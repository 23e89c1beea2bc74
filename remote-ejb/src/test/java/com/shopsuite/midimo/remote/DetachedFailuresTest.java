package com.shopsuite.midimo.remote;

import static org.assertj.core.api.Assertions.assertThat;

import com.shopsuite.midimo.error.ConflictException;
import com.shopsuite.midimo.error.MidimoChatException;
import com.shopsuite.midimo.error.ServiceUnavailableException;
import com.shopsuite.midimo.error.ValidationException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.NotSerializableException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class DetachedFailuresTest {

  /** Stands for a server-side cause a client cannot deserialize (gRPC's status exceptions). */
  private static final class ServerOnlyCause extends RuntimeException {
    @SuppressWarnings("unused")
    private final transient Object status = new Object();

    private final Object unserializable = new Object();

    ServerOnlyCause() {
      super("UNAVAILABLE: io exception");
    }
  }

  @Test
  void detached_keepsTheKindMessageAndRetryAfter_withoutTheCause() throws Exception {
    MidimoChatException original =
        new ServiceUnavailableException(
            "Midimo Chat is unavailable", Duration.ofSeconds(10), new ServerOnlyCause());

    MidimoChatException detached = DetachedFailures.detached(original);

    assertThat(detached)
        .isInstanceOf(ServiceUnavailableException.class)
        .hasMessage("Midimo Chat is unavailable")
        .hasNoCause();
    assertThat(((ServiceUnavailableException) detached).retryAfter())
        .contains(Duration.ofSeconds(10));
    assertThat(roundTrip(detached)).isInstanceOf(ServiceUnavailableException.class);
  }

  @Test
  void theOriginal_wouldNotCrossTheWire() {
    MidimoChatException original = new ConflictException("reused key", new ServerOnlyCause());

    org.assertj.core.api.Assertions.assertThatThrownBy(() -> roundTrip(original))
        .isInstanceOf(NotSerializableException.class);
    assertThat(DetachedFailures.detached(original)).isInstanceOf(ConflictException.class);
  }

  @Test
  void detached_keepsValidationFailures() {
    assertThat(DetachedFailures.detached(new ValidationException("thread_id is required")))
        .isInstanceOf(ValidationException.class)
        .hasMessage("thread_id is required");
  }

  private static Object roundTrip(Object value) throws IOException, ClassNotFoundException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(value);
    }
    try (ObjectInputStream in =
        new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      return in.readObject();
    }
  }
}
