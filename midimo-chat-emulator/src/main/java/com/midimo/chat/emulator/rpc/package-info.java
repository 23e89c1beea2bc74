/** What every emulated service does the same way: field limits, timestamps, answering a call. */
package com.midimo.chat.emulator.rpc;
