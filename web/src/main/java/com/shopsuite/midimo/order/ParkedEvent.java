package com.shopsuite.midimo.order;

import jakarta.jms.Message;

/**
 * An order event waiting on {@code OrderEventsParked} behind its order's head, a copy of the
 * message as it arrived.
 *
 * @param parkedId identifies the copy, to take exactly it off the queue
 * @param eventId the event's id, or its original JMS message id when it has no valid one
 */
public record ParkedEvent(String parkedId, String eventId, Message message) {}
