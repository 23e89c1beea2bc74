/**
 * The emulated {@code midimo.chat.v1.PresenceService}: who is online, and who is typing where
 * (typing changes go out on the chat thread's event stream).
 */
package com.midimo.chat.emulator.presence;
