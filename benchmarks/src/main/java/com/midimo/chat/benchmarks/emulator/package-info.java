/** The {@code emulator} case: how many unary calls per second the emulator serves. */
package com.midimo.chat.benchmarks.emulator;
