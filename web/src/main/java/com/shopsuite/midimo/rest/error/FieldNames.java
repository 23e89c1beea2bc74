package com.shopsuite.midimo.rest.error;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.MatrixParam;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.Locale;

/**
 * Names a constraint violation the way the caller wrote the request, not the way Java sees it:
 * {@code create.request.customerId} becomes {@code customer_id}, {@code post.idempotencyKey}
 * becomes {@code Idempotency-Key}, {@code availability.agentIds[3].<list element>} becomes {@code
 * agent_id[3]}.
 */
public final class FieldNames {

  /** What the request body itself is called when it is the thing that is wrong (e.g. missing). */
  static final String BODY = "body";

  private FieldNames() {}

  static String of(ConstraintViolation<?> violation) {
    StringBuilder name = new StringBuilder();
    Path.MethodNode method = null;
    for (Path.Node node : violation.getPropertyPath()) {
      ElementKind kind = node.getKind();
      if (kind == ElementKind.METHOD) {
        method = node.as(Path.MethodNode.class);
        continue;
      }
      if (node.isInIterable()) {
        Object position = node.getIndex() != null ? node.getIndex() : node.getKey();
        name.append('[').append(position == null ? "" : position).append(']');
      }
      String part =
          switch (kind) {
            case PARAMETER -> {
              String parameter =
                  parameterName(
                      violation.getRootBeanClass(), method, node.as(Path.ParameterNode.class));
              // The body's fields are named as in the JSON: customer_id, not body.customer_id.
              yield BODY.equals(parameter) ? null : parameter;
            }
            case PROPERTY -> snakeCase(node.getName());
            case RETURN_VALUE -> "response";
            // Container elements (<list element>) are already named by their index.
            default -> null;
          };
      if (part != null) {
        if (name.length() > 0) {
          name.append('.');
        }
        name.append(part);
      }
    }
    return name.length() == 0 ? BODY : name.toString();
  }

  /**
   * A method parameter's name in the request: the JAX-RS annotation's value for a path, query or
   * header parameter; {@value #BODY} for the entity.
   */
  static String parameterName(Class<?> type, Path.MethodNode method, Path.ParameterNode node) {
    if (method != null) {
      Class<?>[] types = method.getParameterTypes().toArray(Class<?>[]::new);
      // The validated instance may be a CDI proxy or subclass, whose overriding methods carry no
      // annotations: look up the hierarchy for the resource method's own declaration.
      for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
        Method declared = declaredMethod(c, method.getName(), types);
        if (declared != null && isResourceMethod(declared)) {
          return requestName(declared.getParameters()[node.getParameterIndex()]);
        }
      }
    }
    return snakeCase(node.getName());
  }

  private static Method declaredMethod(Class<?> type, String name, Class<?>[] parameterTypes) {
    try {
      return type.getDeclaredMethod(name, parameterTypes);
    } catch (NoSuchMethodException e) {
      return null;
    }
  }

  private static boolean isResourceMethod(Method method) {
    for (Annotation annotation : method.getAnnotations()) {
      if (annotation.annotationType().isAnnotationPresent(HttpMethod.class)) {
        return true;
      }
    }
    return false;
  }

  /** The name under which a parameter arrives; {@value #BODY} when it is the entity. */
  private static String requestName(Parameter parameter) {
    for (Annotation annotation : parameter.getAnnotations()) {
      if (annotation instanceof PathParam a) {
        return a.value();
      } else if (annotation instanceof QueryParam a) {
        return a.value();
      } else if (annotation instanceof HeaderParam a) {
        return a.value();
      } else if (annotation instanceof FormParam a) {
        return a.value();
      } else if (annotation instanceof CookieParam a) {
        return a.value();
      } else if (annotation instanceof MatrixParam a) {
        return a.value();
      }
    }
    return BODY;
  }

  /**
   * {@code customerId} to {@code customer_id}: the same rule as JSON-B's {@code
   * LOWER_CASE_WITH_UNDERSCORES}, which names the JSON fields.
   */
  public static String snakeCase(String javaName) {
    StringBuilder snake = new StringBuilder(javaName.length() + 4);
    for (int i = 0; i < javaName.length(); i++) {
      char c = javaName.charAt(i);
      if (Character.isUpperCase(c)) {
        if (i > 0) {
          snake.append('_');
        }
        snake.append(Character.toLowerCase(c));
      } else {
        snake.append(c);
      }
    }
    return snake.toString().toLowerCase(Locale.ROOT);
  }
}
