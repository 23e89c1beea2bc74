/**
 * Order events: the suite's order system tells customers about their orders through chat. Each JSON
 * event on the {@code OrderEvents} queue becomes a message in the order's support thread and an
 * {@code ORDER_UPDATE} notification to the customer, exactly once, whatever the broker redelivers.
 */
package com.shopsuite.midimo.order;
