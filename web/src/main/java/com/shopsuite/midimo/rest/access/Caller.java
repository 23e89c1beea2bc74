package com.shopsuite.midimo.rest.access;

import com.shopsuite.midimo.error.ValidationException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Who is calling: the subject of the verified token ({@code sub}, or {@code upn} when it has none)
 * and its roles. {@link AccessControl} refuses a request before a resource runs when there is no
 * such caller, so resources may rely on one.
 */
@RequestScoped
public class Caller {

  @Inject JsonWebToken token;

  /** The suite's own chat user, which only the storefront may act as (order updates). */
  @Inject
  @ConfigProperty(name = "midimo.chat.system-user-id")
  String systemUserId;

  /** The caller's user id; null when the token names no subject. */
  public String id() {
    if (!hasToken()) {
      return null;
    }
    String subject = token.getSubject();
    if (subject != null && !subject.isBlank()) {
      return subject;
    }
    String upn = token.getClaim("upn");
    return upn == null || upn.isBlank() ? null : upn;
  }

  /** Whether the server verified a token for this request (it may still name no subject). */
  public boolean hasToken() {
    // Without a verified token, MicroProfile JWT injects an empty one (no raw token).
    return token != null && token.getRawToken() != null;
  }

  /** Whether the request has a verified token that names its subject. */
  public boolean isAuthenticated() {
    return hasToken() && id() != null;
  }

  /** Whether the token's {@code groups} claim holds {@code role}. */
  public boolean hasRole(String role) {
    return hasToken() && token.getGroups() != null && token.getGroups().contains(role);
  }

  /** The storefront acts for any user; customers and agents only for themselves. */
  public boolean actsForAnyone() {
    return hasRole(Roles.STOREFRONT);
  }

  /**
   * The user a request acts as, where its body may name one ({@code user_id}, {@code customer_id}):
   * for a customer or an agent, themselves (the field may be left out; another value is refused);
   * for the storefront, the user it names, which it must.
   *
   * @param field the field's name in the request, for the answer
   * @throws AccessDeniedException when a customer or an agent names someone else
   * @throws ValidationException when the storefront names no one
   */
  public String actAs(String requested, String field) {
    boolean given = requested != null && !requested.isBlank();
    if (actsForAnyone()) {
      if (!given) {
        throw new ValidationException(field + ": is required when the storefront calls");
      }
      return requested;
    }
    String self = id();
    if (given && !requested.equals(self)) {
      throw new AccessDeniedException(field + ": a caller may act only as itself");
    }
    if (self.equals(systemUserId)) {
      throw new AccessDeniedException(field + ": only the storefront acts as the suite's own user");
    }
    return self;
  }

  /** Whether this caller may act as {@code userId} (themselves, or anyone for the storefront). */
  public boolean mayActAs(String userId) {
    return actsForAnyone() || (userId != null && userId.equals(id()));
  }
}
