package com.shopsuite.midimo.rest.chat;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import com.shopsuite.midimo.context.RequestId;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * An {@code Idempotency-Key} header, when given, becomes the chat request's {@code request_id}, so
 * it must be what an id from outside may be ({@link RequestId#isAcceptable}): 1 to 128 characters,
 * none that could break a log line or a header. Absent is fine: the service then makes one.
 */
@Target({PARAMETER, FIELD})
@Retention(RUNTIME)
@Constraint(validatedBy = IdempotencyKey.Validator.class)
public @interface IdempotencyKey {

  String message() default "must be 1 to 128 characters of A-Z, a-z, 0-9, '.', '_', ':', '-'";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};

  /** Checks the key with the same rule as every id received from outside. */
  class Validator implements ConstraintValidator<IdempotencyKey, String> {

    @Override
    public boolean isValid(String value, ConstraintValidatorContext context) {
      return value == null || RequestId.isAcceptable(value);
    }
  }
}
