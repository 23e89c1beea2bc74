/**
 * Load drivers and their report, shared by every benchmark case: a case says what one call is
 * ({@link com.shopsuite.midimo.benchmarks.load.AsyncCall}); a driver decides when calls start and
 * records how long each took; {@link com.shopsuite.midimo.benchmarks.load.LatencyReport} prints
 * them.
 */
package com.shopsuite.midimo.benchmarks.load;
