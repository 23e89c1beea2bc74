package com.shopsuite.midimo.benchmarks.load;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Recorder;

/**
 * Closed loop: {@code concurrency} callers, each starting its next call as soon as the previous one
 * answers. It measures how many calls per second the system serves at that concurrency; latency
 * here is service time, as a caller never waits to start.
 */
public final class ClosedLoopDriver {
  private final Duration warmup;
  private final Duration measured;
  private final Map<String, Long> watchedProcesses;

  public ClosedLoopDriver(Duration warmup, Duration measured) {
    this(warmup, measured, Map.of());
  }

  /**
   * @param watchedProcesses processes whose CPU the result reports separately: name to pid
   */
  public ClosedLoopDriver(Duration warmup, Duration measured, Map<String, Long> watchedProcesses) {
    this.warmup = warmup;
    this.measured = measured;
    this.watchedProcesses = watchedProcesses;
  }

  public LoadResult run(String label, AsyncCall call, int concurrency) throws InterruptedException {
    Run run = new Run(call, concurrency);
    for (int i = 0; i < concurrency; i++) {
      run.next();
    }
    Thread.sleep(warmup.toMillis());
    run.recorder.reset();
    run.recording = true;
    long start = System.nanoTime();
    CpuUsage cpu = CpuUsage.start(watchedProcesses);
    Thread.sleep(measured.toMillis());
    run.recording = false;
    long elapsed = System.nanoTime() - start;
    CpuUsage.Cores cores = cpu.stop();
    run.stopping = true;
    // Let the calls in flight answer, so that the next run starts on a quiet system.
    if (!run.callersLeft.await(30, TimeUnit.SECONDS)) {
      throw new IllegalStateException("calls still in flight 30 s after the run");
    }
    return new LoadResult(
        label,
        Duration.ofNanos(elapsed),
        run.recorder.getIntervalHistogram(),
        run.errors.sum(),
        run.firstError.get(),
        cores);
  }

  /** One run's state, shared by its callers. */
  private static final class Run {
    /** Set while a caller's thread is inside {@link #next()}: see {@link #continueOrStop()}. */
    private static final ThreadLocal<Boolean> STARTING = new ThreadLocal<>();

    final AsyncCall call;
    final Recorder recorder = new Recorder(3);
    final LongAdder errors = new LongAdder();
    final AtomicReference<String> firstError = new AtomicReference<>();
    final CountDownLatch callersLeft;
    volatile boolean recording;
    volatile boolean stopping;

    Run(AsyncCall call, int concurrency) {
      this.call = call;
      this.callersLeft = new CountDownLatch(concurrency);
    }

    /** Starts a caller's next call; its answer starts the one after, until the run stops. */
    void next() {
      long start = System.nanoTime();
      STARTING.set(Boolean.TRUE);
      try {
        CompletionStage<?> answer;
        try {
          answer = call.start();
        } catch (RuntimeException e) {
          answer = CompletableFuture.failedFuture(e);
        }
        answer.whenComplete(
            (result, failure) -> {
              if (recording) {
                if (failure == null) {
                  recorder.recordValue(System.nanoTime() - start);
                } else {
                  errors.increment();
                  firstError.compareAndSet(null, Failures.describe(failure));
                }
              }
              continueOrStop();
            });
      } finally {
        STARTING.remove();
      }
    }

    private void continueOrStop() {
      if (stopping) {
        callersLeft.countDown();
      } else if (Boolean.TRUE.equals(STARTING.get())) {
        // The call answered before start() returned (e.g. refused at once): start the next one
        // from another thread, or a run of such calls would recurse until the stack overflows.
        ForkJoinPool.commonPool().execute(this::next);
      } else {
        next();
      }
    }
  }
}
