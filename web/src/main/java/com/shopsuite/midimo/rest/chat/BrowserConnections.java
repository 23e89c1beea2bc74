package com.shopsuite.midimo.rest.chat;

import io.undertow.server.HttpServerExchange;
import io.undertow.servlet.handlers.ServletRequestContext;
import java.io.IOException;

/**
 * Dropping a browser's connection at once. An event stream whose browser stopped reading has a
 * write pending that will never complete, and JAX-RS offers no way out: closing the SseEventSink
 * waits for that write to be flushed (RESTEasy's close blocks on it). Undertow, WildFly's web
 * server, can close the connection itself, and then the pending write fails and everything waiting
 * on it is released.
 */
final class BrowserConnections {

  private BrowserConnections() {}

  /**
   * What closes the connection of the request being served on this thread; to be run later, from
   * any thread.
   */
  static Runnable abortOfCurrentRequest() {
    ServletRequestContext current = ServletRequestContext.current();
    if (current == null) {
      // Not under Undertow (a unit test): the sink's own close is all there is.
      return () -> {};
    }
    HttpServerExchange exchange = current.getExchange();
    return () -> {
      try {
        exchange.getConnection().close();
      } catch (IOException e) {
        // gone already: what was wanted
      }
    };
  }
}
