/**
 * A stand-in for the suite's order system, on the producing side of the {@code OrderEvents} queue:
 * it is not part of the Midimo Chat integration, which never imports it. People trying the system
 * send events with it by hand; the tests and benchmarks publish through it from another JVM, as the
 * real order system would.
 */
package com.shopsuite.orders;
