/**
 * Benchmarks, run by hand (never by the build's tests): one picocli subcommand per case, sharing
 * the load drivers and the report of {@code load}. Results go to BENCHMARKS.md with the command and
 * the machine.
 */
package com.midimo.chat.benchmarks;
