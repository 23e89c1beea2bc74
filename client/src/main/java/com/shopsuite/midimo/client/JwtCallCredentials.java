package com.shopsuite.midimo.client;

import io.grpc.CallCredentials;
import io.grpc.Metadata;
import io.grpc.Status;
import java.util.concurrent.Executor;

/** Puts {@code authorization: Bearer <token>} on every call, from a {@link JwtTokenSource}. */
final class JwtCallCredentials extends CallCredentials {

  static final Metadata.Key<String> AUTHORIZATION =
      Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER);

  private final JwtTokenSource tokens;

  JwtCallCredentials(JwtTokenSource tokens) {
    this.tokens = tokens;
  }

  @Override
  public void applyRequestMetadata(
      RequestInfo requestInfo, Executor appExecutor, MetadataApplier applier) {
    try {
      Metadata headers = new Metadata();
      // Cached almost always; minting is one HMAC, cheap enough to do inline.
      headers.put(AUTHORIZATION, "Bearer " + tokens.token());
      applier.apply(headers);
    } catch (RuntimeException e) {
      applier.fail(Status.UNAUTHENTICATED.withDescription("cannot mint a token").withCause(e));
    }
  }
}
