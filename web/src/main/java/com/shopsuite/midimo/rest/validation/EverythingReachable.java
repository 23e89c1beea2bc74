package com.shopsuite.midimo.rest.validation;

import jakarta.validation.Path;
import jakarta.validation.TraversableResolver;
import java.lang.annotation.ElementType;

/**
 * Bean Validation may look at every property. Named in validation.xml so that Hibernate Validator
 * does not go looking for a JPA provider to ask (there is none on this server; it would warn on
 * every deployment). Our request and event records have no lazy associations to protect.
 */
public class EverythingReachable implements TraversableResolver {

  @Override
  public boolean isReachable(
      Object bean,
      Path.Node property,
      Class<?> rootBeanType,
      Path pathToProperty,
      ElementType elementType) {
    return true;
  }

  @Override
  public boolean isCascadable(
      Object bean,
      Path.Node property,
      Class<?> rootBeanType,
      Path pathToProperty,
      ElementType elementType) {
    return true;
  }
}
