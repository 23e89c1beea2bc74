/**
 * Cases 1 and 2: Midimo Chat (the emulator, in its own process) called directly by a bare grpc-java
 * client, the limit the integration is measured against; and the seed's per-use client, a new
 * channel per call.
 */
package com.shopsuite.midimo.benchmarks.direct;
