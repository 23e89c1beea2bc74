package com.shopsuite.midimo.client;

import io.netty.util.concurrent.FastThreadLocal;
import io.netty.util.concurrent.FastThreadLocalThread;

/**
 * Netty keeps per-thread state (buffer caches, its thread-local map) in a plain {@link ThreadLocal}
 * on every thread that touches it, and gRPC serializes a request on the caller's thread. In an
 * application server the caller's thread is the server's (an HTTP worker, an MDB session) and
 * outlives the deployment: that state, whose classes come from the deployment, would pin the
 * deployment's class loader after undeploy. Seen in a heap dump of the redeploy test: an Undertow
 * worker's {@code threadLocals} holding {@code InternalThreadLocalMap}.
 *
 * <p>So the client clears Netty's state from any thread that is not Netty's own after each call.
 */
final class NettyThreadLocals {

  private NettyThreadLocals() {}

  /** Removes every Netty thread-local of the current thread, unless Netty owns the thread. */
  static void clearIfForeignThread() {
    if (!(Thread.currentThread() instanceof FastThreadLocalThread)) {
      FastThreadLocal.removeAll();
    }
  }
}
