package com.shopsuite.midimo.remote;

import com.shopsuite.midimo.error.AuthenticationException;
import com.shopsuite.midimo.error.AuthorizationException;
import com.shopsuite.midimo.error.ConflictException;
import com.shopsuite.midimo.error.MidimoChatException;
import com.shopsuite.midimo.error.ResourceNotFoundException;
import com.shopsuite.midimo.error.ServiceFailureException;
import com.shopsuite.midimo.error.ServiceTimeoutException;
import com.shopsuite.midimo.error.ServiceUnavailableException;
import com.shopsuite.midimo.error.ValidationException;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.InvocationContext;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Failures as a remote caller receives them: the same exception, with the same message (and
 * Retry-After), but without its cause. The causes are the server's own (gRPC statuses, fault
 * tolerance), which a client has no classes for and which do not all serialize. An unexpected
 * failure becomes a {@link ServiceFailureException} that only says so; its stack trace stays in the
 * server's log.
 */
public class DetachedFailures {

  private static final Logger LOG = Logger.getLogger(DetachedFailures.class.getName());

  @AroundInvoke
  public Object detach(InvocationContext invocation) throws Exception {
    try {
      return invocation.proceed();
    } catch (MidimoChatException failure) {
      throw detached(failure);
    } catch (RuntimeException unexpected) {
      LOG.log(
          Level.SEVERE, "remote call " + invocation.getMethod().getName() + " failed", unexpected);
      throw new ServiceFailureException(
          "unexpected failure in " + invocation.getMethod().getName() + "; see the server's log",
          null);
    }
  }

  static MidimoChatException detached(MidimoChatException failure) {
    String message = failure.getMessage();
    MidimoChatException copy;
    if (failure instanceof ServiceUnavailableException unavailable) {
      copy = new ServiceUnavailableException(message, unavailable.retryAfter().orElse(null), null);
    } else if (failure instanceof ServiceTimeoutException) {
      copy = new ServiceTimeoutException(message, null);
    } else if (failure instanceof AuthenticationException) {
      copy = new AuthenticationException(message, null);
    } else if (failure instanceof AuthorizationException) {
      copy = new AuthorizationException(message, null);
    } else if (failure instanceof ValidationException) {
      copy = new ValidationException(message);
    } else if (failure instanceof ResourceNotFoundException) {
      copy = new ResourceNotFoundException(message, null);
    } else if (failure instanceof ConflictException) {
      copy = new ConflictException(message, null);
    } else {
      copy = new ServiceFailureException(message, null);
    }
    failure.upstreamStatus().ifPresent(copy::withUpstreamStatus);
    copy.setStackTrace(new StackTraceElement[0]);
    return copy;
  }
}
