package com.shopsuite.midimo.order;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;

/**
 * An order event as the order system publishes it:
 *
 * <pre>{@code
 * {"event_id": "evt-1", "order_id": "order_456", "customer_id": "customer_123",
 *  "status": "Shipped", "message": "On its way", "product_id": null,
 *  "occurred_at": "2026-11-23T10:00:00Z"}
 * }</pre>
 *
 * @param eventId unique per event; the idempotency key of every write the event causes, so it must
 *     be usable as one
 * @param message optional text for the customer
 * @param productId optional: the product the order update is about
 */
public record OrderEvent(
    @NotBlank
        @Pattern(
            regexp = "[A-Za-z0-9._:-]{1,128}",
            message = "must be 1 to 128 of A-Z a-z 0-9 . _ : -")
        String eventId,
    @NotBlank @Size(max = 128) String orderId,
    @NotBlank @Size(max = 128) String customerId,
    @NotBlank @Size(max = 64) String status,
    @Size(max = 2000) String message,
    @Size(max = 128) String productId,
    @NotNull Instant occurredAt) {}
