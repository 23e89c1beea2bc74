/**
 * The emulator's fault-control surface ({@code midimo.emulator.v1.EmulatorControl}): injected
 * latency and failures (per method, or per request_id prefix), the outage switch, ending event
 * streams, state reset, and per-method call counts. Not part of the Midimo Chat contract; served
 * only with {@code --fault-control}.
 */
package com.midimo.chat.emulator.control;
