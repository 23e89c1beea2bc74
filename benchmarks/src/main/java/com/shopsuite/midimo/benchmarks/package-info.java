/**
 * Benchmarks, run by hand (never by the build's tests): {@code all} runs the suite, every case side
 * by side in one run on the same machine ({@code suite}), {@code emulator} the emulator alone; the
 * cases share the load drivers of {@code load} and start the system through the launcher. Results
 * go to BENCHMARKS.md with the command and the machine.
 */
package com.shopsuite.midimo.benchmarks;
