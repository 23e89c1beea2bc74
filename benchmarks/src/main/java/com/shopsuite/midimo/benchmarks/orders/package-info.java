/**
 * Case 5, order events: events published to {@code OrderEvents} as the order system would (the
 * sender's remote producer), then consumed into Midimo Chat; events per second end to end, with the
 * queue filled first and while it is being filled. See {@link
 * com.shopsuite.midimo.benchmarks.orders.OrderEventsCase}.
 */
package com.shopsuite.midimo.benchmarks.orders;
