/**
 * Profiles of WildFly under the suite's load with async-profiler (Java, native and kernel frames),
 * and their summary by component: where a request's CPU goes.
 */
package com.shopsuite.midimo.benchmarks.profile;
