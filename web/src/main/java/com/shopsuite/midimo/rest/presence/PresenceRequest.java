package com.shopsuite.midimo.rest.presence;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A user's new presence. {@code status} is a string checked here rather than an enum bound by
 * JSON-B, so that a wrong value is a 400 that names the field and the allowed values.
 */
@Schema(name = "PresenceRequest", description = "A user's new presence")
public record PresenceRequest(
    @Schema(
            example = "ONLINE",
            enumeration = {"ONLINE", "AWAY", "BUSY", "OFFLINE"})
        @NotBlank
        @Pattern(
            regexp = "ONLINE|AWAY|BUSY|OFFLINE",
            message = "must be one of ONLINE, AWAY, BUSY, OFFLINE")
        String status,
    @Schema(example = "Viewing products", maxLength = 200, description = "Optional free text")
        @Size(max = 200)
        String customStatus) {}
