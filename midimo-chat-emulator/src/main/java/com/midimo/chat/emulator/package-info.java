/**
 * The Midimo Chat emulator: a stand-in for the external Midimo Chat service, for local runs and
 * tests only.
 *
 * <p>It is not part of the integration. The application never imports it: it talks to it over gRPC
 * exactly as it talks to the real service, through the contract in {@code midimo-chat-proto}. What
 * the emulator adds that the real service lacks (the {@code EmulatorControl} fault-control service)
 * is served only when asked for.
 *
 * <p>Packages by feature: {@code chat}, {@code presence}, {@code notification} serve the contract;
 * {@code auth} checks the bearer tokens; {@code control} injects faults and counts calls; {@code
 * logging} writes one line per call; {@code store} and {@code rpc} are the small pieces they share.
 */
package com.midimo.chat.emulator;
