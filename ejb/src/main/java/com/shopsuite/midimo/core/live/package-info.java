/**
 * Live thread events for a node: one upstream stream to Midimo Chat per watched thread, shared by
 * every subscriber of that thread on the node ({@link LiveThreads}), reopened with backoff when it
 * breaks and the gap filled from the thread's history ({@link History}); subscribers resuming from
 * a Last-Event-ID get what they missed the same way.
 */
package com.shopsuite.midimo.core.live;
