/**
 * The scale-out scenarios (SCALE-OUT.md): two WildFly nodes of the remote-broker server consuming
 * one standalone Artemis broker's order events; how they share the load, what happens when a node
 * or the broker is killed.
 */
package com.shopsuite.midimo.benchmarks.scaleout;
