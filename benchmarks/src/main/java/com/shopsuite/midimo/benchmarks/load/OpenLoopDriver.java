package com.shopsuite.midimo.benchmarks.load;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
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
 *
 * <p>The rate reported is the one achieved: the calls of the measured window divided by the time
 * from the window's start to the last of their answers, so a system that cannot keep up shows a
 * lower rate than was asked for.
 */
public final class OpenLoopDriver {
  private final Duration warmup;
  private final Duration measured;
  private final Map<String, Long> watchedProcesses;

  public OpenLoopDriver(Duration warmup, Duration measured) {
    this(warmup, measured, Map.of());
  }

  /**
   * @param watchedProcesses processes whose CPU the result reports separately: name to pid
   */
  public OpenLoopDriver(Duration warmup, Duration measured, Map<String, Long> watchedProcesses) {
    this.warmup = warmup;
    this.measured = measured;
    this.watchedProcesses = watchedProcesses;
  }

  public LoadResult run(String label, AsyncCall call, double callsPerSecond)
      throws InterruptedException, TimeoutException {
    Recorder recorder = new Recorder(3);
    LongAdder errors = new LongAdder();
    AtomicReference<String> firstError = new AtomicReference<>();
    AtomicLong inFlight = new AtomicLong();
    AtomicLong lastAnswer = new AtomicLong(Long.MIN_VALUE);

    double interval = 1e9 / callsPerSecond;
    long begin = System.nanoTime();
    long measureFrom = begin + warmup.toNanos();
    long end = measureFrom + measured.toNanos();
    CpuUsage cpu = null;
    CpuUsage.Cores cores = null;
    for (long i = 0; ; i++) {
      long intended = begin + (long) (i * interval);
      if (intended >= end) {
        break;
      }
      if (cpu == null && intended >= measureFrom) {
        cpu = CpuUsage.start(watchedProcesses);
      }
      long wait = intended - System.nanoTime();
      if (wait > 0) {
        LockSupport.parkNanos(wait);
      }
      boolean recorded = intended >= measureFrom;
      inFlight.incrementAndGet();
      CompletionStage<?> answer;
      try {
        answer = call.start();
      } catch (RuntimeException e) {
        answer = CompletableFuture.failedFuture(e);
      }
      answer.whenComplete(
          (result, failure) -> {
            if (recorded) {
              long now = System.nanoTime();
              if (failure == null) {
                recorder.recordValue(now - intended);
              } else {
                errors.increment();
                firstError.compareAndSet(null, Failures.describe(failure));
              }
              lastAnswer.accumulateAndGet(now, Math::max);
            }
            inFlight.decrementAndGet();
          });
    }
    long giveUp = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (inFlight.get() > 0) {
      if (System.nanoTime() > giveUp) {
        throw new TimeoutException(inFlight.get() + " calls still in flight 30 s after the run");
      }
      Thread.sleep(1);
    }
    // CPU over the window and the answers that came after it, like the rate.
    cores = cpu == null ? null : cpu.stop();
    long last = lastAnswer.get();
    long window =
        last == Long.MIN_VALUE
            ? measured.toNanos()
            : Math.max(measured.toNanos(), last - measureFrom);
    return new LoadResult(
        label,
        Duration.ofNanos(window),
        recorder.getIntervalHistogram(),
        errors.sum(),
        firstError.get(),
        cores);
  }
}
