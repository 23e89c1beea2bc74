package com.shopsuite.midimo.benchmarks.suite;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * How long and how hard the suite measures, and where it finds what it runs.
 *
 * @param emulatorJar the packaged emulator
 * @param server WildFly's home, the EAR, its port offset and extra JVM options
 * @param flightRecording a JFR recording of each WildFly session into its directory
 * @param workDir sessions' logs and configuration, histograms, the report's copy
 * @param warmup unrecorded load before each measured run
 * @param closedLoop recorded length of a closed-loop run
 * @param openLoop recorded length of an open-loop run
 * @param sessionWarmup unrecorded load after each start of a system, before its first run: at least
 *     this long, and on until the JIT compilers are quiet
 * @param sessionWarmupMax at most this long
 * @param rate open-loop requests per second
 * @param concurrency closed-loop callers of cases 1 to 3
 * @param poolConcurrency closed-loop callers of case 4
 * @param poolSizes case 4's pool sizes; "default" is the shipped setting (no property)
 * @param chatThreads support threads the calls are spread over, round-robin
 * @param readLimit messages per page of the read path
 * @param readPath whether cases 1 and 3 measure the read path too
 */
public record SuiteSettings(
    Path emulatorJar,
    ServerSetup server,
    boolean flightRecording,
    Path workDir,
    Duration warmup,
    Duration closedLoop,
    Duration openLoop,
    Duration sessionWarmup,
    Duration sessionWarmupMax,
    double rate,
    List<Integer> concurrency,
    List<Integer> poolConcurrency,
    List<String> poolSizes,
    int chatThreads,
    int readLimit,
    boolean readPath) {}
