package com.shopsuite.midimo.rest;

import com.shopsuite.midimo.context.RequestId;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.ext.Provider;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Gives every request a correlation id: the caller's {@code X-Request-Id} when it is acceptable, a
 * new one otherwise. The id is bound to the request thread, so the gRPC client sends it to Midimo
 * Chat and logs it, and it goes back in the response's {@code X-Request-Id}, errors included.
 *
 * <p>Pre-matching, so that a request for an unknown path gets an id too.
 */
@Provider
@PreMatching
@Priority(Priorities.AUTHENTICATION - 100)
public class RequestIdFilter implements ContainerRequestFilter, ContainerResponseFilter {

  public static final String HEADER = "X-Request-Id";

  private static final String BINDING = RequestIdFilter.class.getName() + ".binding";

  @Override
  public void filter(ContainerRequestContext request) {
    String offered = request.getHeaderString(HEADER);
    // An unacceptable id (too long, odd characters) is replaced, never echoed or logged.
    String id = RequestId.isAcceptable(offered) ? offered : RequestId.generate();
    request.setProperty(BINDING, new Binding(id));
  }

  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    Binding binding = (Binding) request.getProperty(BINDING);
    String id = binding != null ? binding.id : RequestId.current().orElseGet(RequestId::generate);
    response.getHeaders().putSingle(HEADER, id);
    if (binding != null) {
      binding.release();
    }
  }

  /** The id, bound to the thread that received the request until the response goes out. */
  private static final class Binding {

    final String id;
    private final Thread owner = Thread.currentThread();
    private final RequestId.Scope scope;
    private final AtomicBoolean released = new AtomicBoolean();

    Binding(String id) {
      this.id = id;
      this.scope = RequestId.bind(id);
    }

    void release() {
      // A thread-local binding can only be undone on its own thread. A response written from
      // another one (an event stream's first event sent from a gRPC thread) must not unbind
      // whatever that thread holds; the event stream resource writes first on the request
      // thread so that this does not happen.
      if (Thread.currentThread() == owner && released.compareAndSet(false, true)) {
        scope.close();
      }
    }
  }
}
