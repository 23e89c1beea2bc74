/**
 * Load drivers and their report, shared by every benchmark case: a case says what one call is
 * ({@link com.midimo.chat.benchmarks.load.AsyncCall}); a driver decides when calls start and
 * records how long each took; {@link com.midimo.chat.benchmarks.load.LatencyReport} prints them.
 */
package com.midimo.chat.benchmarks.load;
