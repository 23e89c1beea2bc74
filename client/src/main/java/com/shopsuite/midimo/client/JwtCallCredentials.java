package com.shopsuite.midimo.client;

import io.grpc.CallCredentials;
import io.grpc.Metadata;
import java.util.concurrent.Executor;

/**
 * Puts {@code authorization: Bearer <token>} on a call. Each call carries the token it was given,
 * so that when Midimo Chat rejects it, exactly that token is invalidated in the {@link
 * JwtTokenSource}.
 */
final class JwtCallCredentials extends CallCredentials {

  static final Metadata.Key<String> AUTHORIZATION =
      Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER);

  private final String token;

  private JwtCallCredentials(String token) {
    this.token = token;
  }

  static JwtCallCredentials of(String token) {
    return new JwtCallCredentials(token);
  }

  @Override
  public void applyRequestMetadata(
      RequestInfo requestInfo, Executor appExecutor, MetadataApplier applier) {
    Metadata headers = new Metadata();
    headers.put(AUTHORIZATION, "Bearer " + token);
    applier.apply(headers);
  }
}
