package com.midimo.chat.emulator.control;

import com.midimo.chat.emulator.v1.Stats;
import io.grpc.Status;

/** What the control service may do to the emulated services' state. */
public interface EmulatedState {
  /** Forgets all threads, messages, presence, typing, notifications and idempotency records. */
  void reset();

  /**
   * Ends the open StreamThreadEvents calls of a thread, or of every thread when {@code threadId} is
   * empty, with a status.
   *
   * @return how many were ended
   */
  long endStreams(String threadId, Status status);

  Stats stats();
}
