/**
 * What the in-memory stores share: capacity caps, idempotency records and page tokens. Everything
 * the emulator holds is bounded, so a runaway test fails with RESOURCE_EXHAUSTED instead of taking
 * the machine's memory.
 */
package com.midimo.chat.emulator.store;
