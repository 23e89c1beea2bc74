package com.shopsuite.midimo.benchmarks.suite;

import com.shopsuite.midimo.benchmarks.load.AsyncCall;
import com.shopsuite.midimo.benchmarks.load.ClosedLoopDriver;
import com.shopsuite.midimo.benchmarks.load.JitActivity;
import com.shopsuite.midimo.benchmarks.load.LoadResult;
import com.shopsuite.midimo.benchmarks.load.OpenLoopDriver;
import com.shopsuite.midimo.benchmarks.system.ResidentMemory;
import com.shopsuite.midimo.launcher.ApplicationUser;
import com.shopsuite.midimo.launcher.DevIssuer;
import com.shopsuite.midimo.launcher.EmulatorProcess;
import com.shopsuite.midimo.launcher.Secrets;
import com.shopsuite.midimo.launcher.ServerBase;
import com.shopsuite.midimo.launcher.WildFlyNode;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

/**
 * What the cases share: the settings, the JWT secret of this run, starting and stopping the system
 * under test, and measuring a run (with the CPU of every process and WildFly's peak memory). Every
 * process started here is stopped by {@link #close()}, which a shutdown hook also calls.
 */
public final class Suite implements AutoCloseable {
  public static final String WILDFLY = "WildFly";
  public static final String EMULATOR = "emulator";

  /** The application user remote order-event producers log in as (messaging.cli). */
  public static final String ORDER_PUBLISHER = "order-publisher";

  static final long WARMUP_STEP_SECONDS = 5;

  /**
   * Below this, the compilers are done with the hot paths (a little recompiling always goes on).
   */
  static final double JIT_QUIET_CORES = 0.10;

  private final SuiteSettings settings;
  private final String secret = Secrets.random(48);
  private final Deque<AutoCloseable> running = new ConcurrentLinkedDeque<>();
  private final ProgressLog progress;
  private int sessions;

  public Suite(SuiteSettings settings, PrintStream progress) {
    this.settings = settings;
    this.progress = new ProgressLog(progress);
  }

  public SuiteSettings settings() {
    return settings;
  }

  /** The HS256 secret the emulator and the application share for this run. */
  public String secret() {
    return secret;
  }

  /** A fresh emulator only: the direct cases. */
  public ServerSession startEmulator(String name) {
    Path dir = sessionDir(name);
    log("starting the emulator (%s)", dir);
    EmulatorProcess emulator = startEmulator(dir, false);
    return register(new ServerSession(emulator, null, null, null, null));
  }

  /**
   * A fresh emulator and a fresh WildFly with the EAR, ready.
   *
   * @param systemProperties for WildFly, e.g. midimo.chat.pool-size
   */
  public ServerSession startServer(String name, Map<String, String> systemProperties) {
    return startServer(name, systemProperties, false);
  }

  /**
   * A fresh emulator and a fresh WildFly with the EAR, ready.
   *
   * @param systemProperties for WildFly, e.g. midimo.chat.pool-size
   * @param emulatorControl whether the emulator serves its control service (stats, faults)
   */
  public ServerSession startServer(
      String name, Map<String, String> systemProperties, boolean emulatorControl) {
    return startServer(name, systemProperties, emulatorControl, false);
  }

  /** As above, with the floor's WAR deployed beside the EAR when {@code withFloor} (at /floor). */
  public ServerSession startServer(
      String name,
      Map<String, String> systemProperties,
      boolean emulatorControl,
      boolean withFloor) {
    Path dir = sessionDir(name);
    log("starting the emulator and WildFly %s (%s)", systemProperties, dir);
    EmulatorProcess emulator = startEmulator(dir, emulatorControl);
    running.push(emulator);
    String publisherPassword = Secrets.random(24);
    DevIssuer issuer = DevIssuer.create(dir.resolve("token-issuer"));
    ServerSetup server = settings.server();
    ServerBase.Builder node =
        ServerBase.Settings.builder(server.serverHome(), dir.resolve("wildfly"))
            .name("WildFly")
            .portOffset(server.portOffset())
            .deploy(server.ear())
            .secret("midimo.chat.jwt.secret-key", secret)
            .user(ApplicationUser.of(ORDER_PUBLISHER, publisherPassword, ORDER_PUBLISHER))
            .configurationFile(DevIssuer.SERVER_KEY_FILE, issuer.publicKey())
            .systemProperty("midimo.chat.port", Integer.toString(emulator.port()));
    if (withFloor) {
      node.deploy(server.floorWar());
    }
    systemProperties.forEach(node::systemProperty);
    server.jvmOptions().forEach(node::jvmOption);
    if (settings.flightRecording()) {
      node.jvmOption(
          "-XX:StartFlightRecording=settings=profile,filename=" + dir.resolve("wildfly.jfr"));
    }
    long start = System.nanoTime();
    WildFlyNode wildfly;
    ServerBase base;
    try {
      base = ServerBase.prepare(node.build());
      wildfly = base.start();
    } catch (RuntimeException e) {
      stop(emulator);
      throw e;
    }
    running.remove(emulator);
    log("WildFly ready in %.1f s (pid %d)", (System.nanoTime() - start) / 1e9, wildfly.pid());
    String token = issuer.token("storefront-backend", List.of("storefront"), Duration.ofHours(12));
    return register(new ServerSession(emulator, base, wildfly, publisherPassword, token));
  }

  /**
   * Every run posts messages and the emulator keeps them all (about 0.85 KB each with its request
   * id): the default cap (1,000,000) could end a long run. 5,000,000 fit in the JVM's default heap
   * on a machine with 23 GB; the suite starts a fresh emulator per case anyway.
   */
  static final long EMULATOR_MAX_MESSAGES = 5_000_000;

  /** Plaintext, no call log; its control service (stats, faults) only when asked for. */
  private EmulatorProcess startEmulator(Path dir, boolean control) {
    List<String> options =
        new ArrayList<>(List.of("--quiet", "--max-messages", Long.toString(EMULATOR_MAX_MESSAGES)));
    if (control) {
      options.add("--fault-control");
    }
    return EmulatorProcess.start(
        settings.emulatorJar(), dir.resolve("emulator.log"), secret, 0, List.of(), options);
  }

  /** Stops what a case started (the suite would at the end anyway). */
  public void stop(AutoCloseable process) {
    running.remove(process);
    try {
      process.close();
    } catch (Exception e) {
      log("could not stop %s: %s", process, e);
    }
  }

  /**
   * Unrecorded load on a fresh system until its JIT compilers are done with it: at least the
   * settings' session warm-up, then in steps of {@value #WARMUP_STEP_SECONDS} s until the compiler
   * threads of every JVM involved (this one, the emulator, WildFly) took less than {@value
   * #JIT_QUIET_CORES} of a core during a step, at most {@code sessionWarmupMax}.
   *
   * @return how long it took
   */
  public Duration warmUp(String what, AsyncCall call, int concurrency, ServerSession session)
      throws InterruptedException {
    Duration minimum = settings.sessionWarmup();
    Duration maximum = settings.sessionWarmupMax();
    if (maximum.isZero()) {
      return Duration.ZERO;
    }
    List<Long> pids = new ArrayList<>(session.processes().values());
    pids.add(ProcessHandle.current().pid());
    log(
        "warming up: %s, concurrency %d, until the JIT is quiet (%d-%d s)",
        what, concurrency, minimum.toSeconds(), maximum.toSeconds());
    long start = System.nanoTime();
    Duration step = Duration.ofSeconds(WARMUP_STEP_SECONDS);
    while (true) {
      long ticks = JitActivity.compilerTicks(pids);
      long stepStart = System.nanoTime();
      LoadResult result = new ClosedLoopDriver(step, Duration.ZERO).run(what, call, concurrency);
      if (result.firstError() != null) {
        log("  (an error during warm-up: %s)", result.firstError());
      }
      double seconds = (System.nanoTime() - stepStart) / 1e9;
      double jitCores =
          ticks < 0 ? -1 : (JitActivity.compilerTicks(pids) - ticks) / 100.0 / seconds;
      Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
      boolean quiet = jitCores >= 0 && jitCores < JIT_QUIET_CORES;
      if ((quiet && elapsed.compareTo(minimum) >= 0) || elapsed.compareTo(maximum) >= 0) {
        log(
            "  warm after %d s (JIT compilers: %.2f cores in the last %d s%s)",
            elapsed.toSeconds(),
            jitCores,
            WARMUP_STEP_SECONDS,
            quiet ? "" : ", not quiet yet: capped");
        return elapsed;
      }
    }
  }

  /**
   * Makes {@code count} calls, {@code concurrency} at a time, and waits for them: setting up data
   * (e.g. messages for the read path to read). Fails on the first error.
   */
  public void repeat(String what, AsyncCall call, int count, int concurrency)
      throws InterruptedException {
    log("%s: %,d calls", what, count);
    Semaphore permits = new Semaphore(concurrency);
    AtomicReference<Throwable> failure = new AtomicReference<>();
    for (int i = 0; i < count && failure.get() == null; i++) {
      permits.acquire();
      call.start()
          .whenComplete(
              (result, error) -> {
                if (error != null) {
                  failure.compareAndSet(null, error);
                }
                permits.release();
              });
    }
    permits.acquire(concurrency);
    if (failure.get() != null) {
      throw new IllegalStateException(what + " failed", failure.get());
    }
  }

  /** A closed-loop run at {@code concurrency}, with the settings' warm-up and length. */
  public Measurement closedLoop(
      String key, String label, AsyncCall call, int concurrency, ServerSession session)
      throws InterruptedException {
    log("%s: closed loop, concurrency %d", key, concurrency);
    ResidentMemory memory = session.serverMemory();
    if (memory != null) {
      memory.resetPeak();
    }
    LoadResult result =
        new ClosedLoopDriver(settings.warmup(), settings.closedLoop(), session.processes())
            .run(label, call, concurrency);
    return measured(key, label, result, memory);
  }

  /**
   * A closed-loop run at each of the settings' concurrencies, then an open-loop run at its rate:
   * keys {@code <prefix>c<N>} and {@code <prefix>open}.
   */
  public List<Measurement> closedAndOpenLoops(String prefix, AsyncCall call, ServerSession session)
      throws InterruptedException, TimeoutException {
    List<Measurement> runs = new ArrayList<>();
    for (int concurrency : settings.concurrency()) {
      runs.add(
          closedLoop(
              prefix + "c" + concurrency,
              "concurrency " + concurrency,
              call,
              concurrency,
              session));
    }
    runs.add(openLoop(prefix + "open", call, session));
    return runs;
  }

  /** An open-loop run at the settings' rate, latency from each call's intended start. */
  public Measurement openLoop(String key, AsyncCall call, ServerSession session)
      throws InterruptedException, TimeoutException {
    String label = String.format(Locale.ROOT, "open loop %,.0f/s", settings.rate());
    log("%s: %s", key, label);
    ResidentMemory memory = session.serverMemory();
    if (memory != null) {
      memory.resetPeak();
    }
    LoadResult result =
        new OpenLoopDriver(settings.warmup(), settings.openLoop(), session.processes())
            .run(label, call, settings.rate());
    return measured(key, label, result, memory);
  }

  private Measurement measured(String key, String label, LoadResult result, ResidentMemory memory) {
    Measurement measurement =
        new Measurement(key, label, result, memory == null ? -1 : memory.peakKb());
    log(
        "  %,.0f calls/s, p50 %.3f ms, p99 %.3f ms, max %.3f ms, %d errors%s",
        result.callsPerSecond(),
        result.latencies().getValueAtPercentile(50) / 1e6,
        result.latencies().getValueAtPercentile(99) / 1e6,
        result.latencies().getMaxValue() / 1e6,
        result.errors(),
        result.firstError() == null ? "" : " (first: " + result.firstError() + ")");
    saveHistogram(key, result);
    return measurement;
  }

  /** The whole latency distribution of a run, for a closer look than the report's percentiles. */
  private void saveHistogram(String key, LoadResult result) {
    Path file = settings.workDir().resolve("histograms").resolve(key.replace('/', '_') + ".hgrm");
    try {
      Files.createDirectories(file.getParent());
      try (PrintStream out = new PrintStream(Files.newOutputStream(file), false, "UTF-8")) {
        result.latencies().outputPercentileDistribution(out, 1e6);
      }
    } catch (IOException e) {
      log("could not write %s: %s", file, e);
    }
  }

  public void log(String format, Object... args) {
    progress.log(format, args);
  }

  public Duration elapsed() {
    return progress.elapsed();
  }

  /** Stops every process still running, newest first. */
  @Override
  public void close() {
    AutoCloseable process;
    while ((process = running.poll()) != null) {
      try {
        process.close();
      } catch (Exception e) {
        progress.println("could not stop " + process + ": " + e);
      }
    }
  }

  private ServerSession register(ServerSession session) {
    running.push(session);
    return session;
  }

  private Path sessionDir(String name) {
    sessions++;
    Path dir =
        settings.workDir().resolve("sessions").resolve(String.format("%02d-%s", sessions, name));
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return dir;
  }
}
