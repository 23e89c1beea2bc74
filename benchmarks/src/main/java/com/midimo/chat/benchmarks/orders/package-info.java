/**
 * Case 5, order events: the slot for the JMS side (events enqueued on {@code OrderEvents}, events
 * per second end to end). Not measured yet: see {@link
 * com.midimo.chat.benchmarks.orders.OrderEventsCase}.
 */
package com.midimo.chat.benchmarks.orders;
