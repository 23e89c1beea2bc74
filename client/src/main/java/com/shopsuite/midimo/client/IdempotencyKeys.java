package com.shopsuite.midimo.client;

import com.shopsuite.midimo.context.RequestId;

/**
 * Idempotency keys ({@code request_id} of every write). Fix the key before the first attempt of a
 * call, so that every retry of it carries the same one and Midimo Chat applies the write once.
 */
public final class IdempotencyKeys {

  private IdempotencyKeys() {}

  /** The caller's key when it has one (validated), a new random key otherwise. */
  public static String orNew(String idempotencyKey) {
    return idempotencyKey == null || idempotencyKey.isBlank()
        ? RequestId.generate()
        : Arguments.requireId("idempotencyKey", idempotencyKey);
  }
}
