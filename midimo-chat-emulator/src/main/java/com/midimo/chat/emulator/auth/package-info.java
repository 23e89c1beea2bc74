/**
 * Bearer-token checks for the three Midimo Chat services: HS256 JWTs over a shared secret, with the
 * issuer, audience, expiry and per-service scope the real service checks. Health, reflection and
 * the control service need no token.
 */
package com.midimo.chat.emulator.auth;
