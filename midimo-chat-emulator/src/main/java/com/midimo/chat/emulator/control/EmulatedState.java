package com.midimo.chat.emulator.control;

import com.midimo.chat.emulator.v1.Stats;

/** What the control service may do to the emulated services' state. */
public interface EmulatedState {
  /** Forgets all threads, messages, presence, typing, notifications and idempotency records. */
  void reset();

  Stats stats();
}
