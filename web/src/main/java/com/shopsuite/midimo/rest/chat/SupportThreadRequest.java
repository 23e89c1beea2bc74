package com.shopsuite.midimo.rest.chat;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Asks for the support thread of a customer's order. */
@Schema(name = "SupportThreadRequest", description = "The customer and order to support")
public record SupportThreadRequest(
    @Schema(
            example = "cust_123",
            maxLength = 128,
            description =
                "The customer; a customer's own token implies it, the storefront must give it")
        @Size(max = 128)
        String customerId,
    @Schema(example = "order_456", maxLength = 128) @NotBlank @Size(max = 128) String orderId,
    @Schema(
            example = "prod_789",
            maxLength = 128,
            description = "Optional: the product the customer asks about")
        @Size(max = 128)
        String productId) {}
