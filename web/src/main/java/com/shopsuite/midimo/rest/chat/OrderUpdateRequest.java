package com.shopsuite.midimo.rest.chat;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An order status change to announce in the order's thread. */
@Schema(name = "OrderUpdateRequest", description = "An order status change to post")
public record OrderUpdateRequest(
    @Schema(example = "order_456") @NotBlank @Size(max = 128) String orderId,
    @Schema(example = "Delivered", maxLength = 64) @NotBlank @Size(max = 64) String status,
    @Schema(example = "Your order was delivered successfully!", maxLength = 2000) @Size(max = 2000)
        String message) {}
