package com.shopsuite.midimo.benchmarks.profile;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import java.util.Set;

/**
 * async-profiler as an agent of each WildFly the suite starts: the native library comes from the
 * Maven artifact {@code tools.profiler:async-profiler} (classifier {@code linux-x64}) shaded into
 * this jar, is copied out once, and is loaded with {@code -agentpath}. Each server writes its
 * profile, in collapsed-stack form with thread names, when it stops: {@code
 * <work-dir>/profiles/wildfly-<pid>-<event>.collapsed}.
 *
 * <p>{@code cpu} samples CPU time with the kernel's perf events (kernel frames included), {@code
 * itimer} with a timer signal where perf events are not allowed, {@code wall} every thread whatever
 * it does (waiting included: where requests wait, not what they cost).
 */
public final class ServerProfiler {

  public static final Set<String> EVENTS = Set.of("cpu", "itimer", "wall");

  private static final String LIBRARY = "linux-x64/libasyncProfiler.so";

  private ServerProfiler() {}

  /** The profiles' directory under the work directory. */
  public static Path profiles(Path workDir) {
    return workDir.resolve("profiles");
  }

  /**
   * The JVM option that profiles a server with {@code event}, every {@code intervalMillis} of CPU
   * (or wall) time.
   */
  public static String agentOption(Path workDir, String event, int intervalMillis) {
    if (!EVENTS.contains(event)) {
      throw new IllegalArgumentException(
          "--server-profiler: '" + event + "' is not one of " + EVENTS);
    }
    Path library = extractLibrary(workDir.resolve("tools"));
    Path file = profiles(workDir).resolve("wildfly-%p-" + event + ".collapsed");
    try {
      Files.createDirectories(file.getParent());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return String.format(
        Locale.ROOT,
        "-agentpath:%s=start,event=%s,interval=%dms,threads,collapsed,file=%s",
        library,
        event,
        intervalMillis,
        file);
  }

  private static Path extractLibrary(Path dir) {
    Path library = dir.resolve("libasyncProfiler.so");
    try (InputStream in = ServerProfiler.class.getClassLoader().getResourceAsStream(LIBRARY)) {
      if (in == null) {
        throw new IllegalStateException(
            LIBRARY + " is not in this jar (async-profiler supports Linux x64 here)");
      }
      Files.createDirectories(dir);
      Files.copy(in, library, StandardCopyOption.REPLACE_EXISTING);
      return library.toAbsolutePath();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot copy out " + LIBRARY, e);
    }
  }
}
