package com.midimo.chat.benchmarks.load;

import com.google.common.util.concurrent.FutureCallback;
import com.google.common.util.concurrent.Futures;
import com.google.common.util.concurrent.MoreExecutors;
import io.grpc.Status;
import java.time.Duration;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.Recorder;

/**
 * Open loop: calls start on a fixed schedule, whether or not earlier ones have answered, as
 * independent users would. Latency is measured from each call's intended start, not from when it
 * was actually started: when the system (or this driver) falls behind, the wait counts, and the
 * report does not hide a stall (coordinated omission).
 */
public final class OpenLoopDriver {
  private final Duration warmup;
  private final Duration measured;

  public OpenLoopDriver(Duration warmup, Duration measured) {
    this.warmup = warmup;
    this.measured = measured;
  }

  public LoadResult run(String label, AsyncCall call, double callsPerSecond)
      throws InterruptedException, TimeoutException {
    Recorder recorder = new Recorder(3);
    LongAdder errors = new LongAdder();
    AtomicReference<String> firstError = new AtomicReference<>();
    AtomicLong inFlight = new AtomicLong();

    double interval = 1e9 / callsPerSecond;
    long begin = System.nanoTime();
    long measureFrom = begin + warmup.toNanos();
    long end = measureFrom + measured.toNanos();
    CpuUsage cpu = null;
    CpuUsage.Cores cores = null;
    for (long i = 0; ; i++) {
      long intended = begin + (long) (i * interval);
      if (intended >= end) {
        cores = cpu == null ? null : cpu.stop();
        break;
      }
      if (cpu == null && intended >= measureFrom) {
        cpu = CpuUsage.start();
      }
      long wait = intended - System.nanoTime();
      if (wait > 0) {
        LockSupport.parkNanos(wait);
      }
      boolean recorded = intended >= measureFrom;
      inFlight.incrementAndGet();
      Futures.addCallback(
          call.start(),
          new FutureCallback<Object>() {
            @Override
            public void onSuccess(Object result) {
              if (recorded) {
                recorder.recordValue(System.nanoTime() - intended);
              }
              inFlight.decrementAndGet();
            }

            @Override
            public void onFailure(Throwable t) {
              if (recorded) {
                errors.increment();
                firstError.compareAndSet(null, Status.fromThrowable(t).toString());
              }
              inFlight.decrementAndGet();
            }
          },
          MoreExecutors.directExecutor());
    }
    long giveUp = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (inFlight.get() > 0) {
      if (System.nanoTime() > giveUp) {
        throw new TimeoutException(inFlight.get() + " calls still in flight 30 s after the run");
      }
      Thread.sleep(10);
    }
    return new LoadResult(
        label, measured, recorder.getIntervalHistogram(), errors.sum(), firstError.get(), cores);
  }
}
