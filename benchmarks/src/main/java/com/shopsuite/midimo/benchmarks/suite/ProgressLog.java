package com.shopsuite.midimo.benchmarks.suite;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;

/**
 * A run's progress lines, each stamped with the minutes and seconds since the run began: what the
 * suite, the resilience report and the scale-out report print while they work.
 */
public final class ProgressLog {

  private final PrintStream out;
  private final long started = System.nanoTime();

  public ProgressLog(PrintStream out) {
    this.out = out;
  }

  public void log(String format, Object... args) {
    long seconds = elapsed().toSeconds();
    out.printf(
        Locale.ROOT,
        "[%02d:%02d] %s%n",
        seconds / 60,
        seconds % 60,
        String.format(Locale.ROOT, format, args));
    out.flush();
  }

  /** A line without a time stamp. */
  public void println(String line) {
    out.println(line);
  }

  public Duration elapsed() {
    return Duration.ofNanos(System.nanoTime() - started);
  }
}
