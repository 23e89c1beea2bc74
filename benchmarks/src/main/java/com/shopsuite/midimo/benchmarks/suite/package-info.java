/**
 * The suite ({@code java -jar midimo-chat-benchmarks.jar all}): runs every {@link
 * com.shopsuite.midimo.benchmarks.suite.BenchmarkCase} in one go against processes it starts and
 * stops itself, judges the targets, and writes the tables into BENCHMARKS.md with the machine, the
 * date and the command.
 */
package com.shopsuite.midimo.benchmarks.suite;
