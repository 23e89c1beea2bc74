/**
 * The emulated {@code midimo.chat.v1.ChatService}: threads, their messages, and the live event
 * stream of a thread.
 */
package com.midimo.chat.emulator.chat;
