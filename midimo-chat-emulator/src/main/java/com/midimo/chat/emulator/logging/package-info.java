/** One log line per call: method, status, duration and the caller's x-request-id, never a token. */
package com.midimo.chat.emulator.logging;
