/**
 * Cases 3 and 4: the full path, the storefront's HTTP API on WildFly (JAX-RS, EJB, fault tolerance,
 * the pooled channel) in front of the same emulator; and the channel pool's size.
 */
package com.shopsuite.midimo.benchmarks.fullpath;
