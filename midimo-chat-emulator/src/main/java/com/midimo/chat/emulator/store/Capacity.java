package com.midimo.chat.emulator.store;

import io.grpc.Status;
import java.util.concurrent.atomic.AtomicLong;

/** A cap on how many of one kind of thing the emulator holds; past it, RESOURCE_EXHAUSTED. */
public final class Capacity {
  private final String what;
  private final String flag;
  private final long max;
  private final AtomicLong used = new AtomicLong();

  /**
   * @param what the plural noun in the error, e.g. "threads"
   * @param flag the command-line flag that raises the cap, named in the error
   */
  public Capacity(String what, String flag, long max) {
    this.what = what;
    this.flag = flag;
    this.max = max;
  }

  /** Takes one place, or fails with RESOURCE_EXHAUSTED when none is left. */
  public void reserve() {
    long now;
    do {
      now = used.get();
      if (now >= max) {
        throw Status.RESOURCE_EXHAUSTED
            .withDescription(
                "Midimo Chat emulator holds its maximum of " + max + " " + what + " (" + flag + ")")
            .asRuntimeException();
      }
    } while (!used.compareAndSet(now, now + 1));
  }

  /** Gives back a place taken by {@link #reserve()} whose entity was not created after all. */
  public void release() {
    used.decrementAndGet();
  }

  public long used() {
    return used.get();
  }
}
