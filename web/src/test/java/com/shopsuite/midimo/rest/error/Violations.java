package com.shopsuite.midimo.rest.error;

import com.shopsuite.midimo.rest.chat.SupportThreadRequest;
import com.shopsuite.midimo.rest.chat.SupportThreadResource;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;
import jakarta.ws.rs.core.UriInfo;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Set;
import org.hibernate.validator.HibernateValidator;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;

/**
 * The server's Bean Validation implementation, as RESTEasy runs it on a resource method's
 * parameters, for tests that need real violations (real property paths, real messages).
 */
public final class Violations {

  private static final Validator VALIDATOR =
      jakarta.validation.Validation.byProvider(HibernateValidator.class)
          .configure()
          // Messages without Expression Language, which is not on the test class path.
          .messageInterpolator(new ParameterMessageInterpolator())
          .buildValidatorFactory()
          .getValidator();

  private Violations() {}

  /** The violations of calling {@code resource.method(arguments)}, as RESTEasy would check it. */
  public static ConstraintViolationException violations(
      Object resource, String method, Object... arguments) {
    Method target =
        Arrays.stream(resource.getClass().getMethods())
            .filter(m -> m.getName().equals(method))
            .findFirst()
            .orElseThrow(() -> new IllegalArgumentException("no method " + method));
    Set<ConstraintViolation<Object>> violations =
        VALIDATOR.forExecutables().validateParameters(resource, target, arguments);
    return new ConstraintViolationException(violations);
  }

  static ConstraintViolationException violationsOfASupportThreadRequestBreakingTwoRules() {
    return violations(
        new SupportThreadResource(),
        "create",
        new SupportThreadRequest("c".repeat(129), "", null),
        (UriInfo) null);
  }
}
