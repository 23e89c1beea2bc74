package com.midimo.chat.emulator.auth;

import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;

/**
 * Lets a call through only with {@code authorization: Bearer <JWT>} good for one service's scope;
 * otherwise closes it with the verifier's status before the service sees it.
 */
public final class JwtServerInterceptor implements ServerInterceptor {
  static final Metadata.Key<String> AUTHORIZATION =
      Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER);
  private static final String BEARER = "Bearer ";

  private final JwtVerifier verifier;
  private final String requiredScope;

  /**
   * @param requiredScope the scope every rpc of the intercepted service needs
   */
  public JwtServerInterceptor(JwtVerifier verifier, String requiredScope) {
    this.verifier = verifier;
    this.requiredScope = requiredScope;
  }

  @Override
  public <ReqT, RespT> ServerCall.Listener<ReqT> interceptCall(
      ServerCall<ReqT, RespT> call, Metadata headers, ServerCallHandler<ReqT, RespT> next) {
    try {
      verifier.verify(bearerToken(headers.get(AUTHORIZATION)), requiredScope);
    } catch (StatusRuntimeException e) {
      call.close(e.getStatus(), new Metadata());
      return new ServerCall.Listener<>() {};
    }
    return next.startCall(call, headers);
  }

  private static String bearerToken(String authorization) {
    if (authorization == null) {
      throw unauthenticated("missing bearer token");
    }
    if (!authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
      throw unauthenticated("malformed authorization header");
    }
    String token = authorization.substring(BEARER.length()).trim();
    if (token.isEmpty() || token.contains(" ")) {
      throw unauthenticated("malformed authorization header");
    }
    return token;
  }

  private static StatusRuntimeException unauthenticated(String description) {
    return Status.UNAUTHENTICATED.withDescription(description).asRuntimeException();
  }
}
