/**
 * The system under test as the suite runs it: the emulator and WildFly as separate processes
 * (started from the built artifacts, stopped at the end, also on failure or Ctrl-C), and what is
 * read from outside them (resident memory, CPU).
 */
package com.shopsuite.midimo.benchmarks.system;
