package com.shopsuite.midimo.client;

/**
 * What Midimo Chat's standard gRPC health service answered.
 *
 * @param status {@code SERVING}, {@code NOT_SERVING}, or the failure of the check itself (e.g.
 *     {@code UNAVAILABLE: io exception})
 */
public record ServiceHealth(boolean serving, String status) {}
