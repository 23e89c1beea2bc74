/** The {@code emulator} case: how many unary calls per second the emulator serves. */
package com.shopsuite.midimo.benchmarks.emulator;
