/**
 * The integration's failures, one class per kind, as the original integration guide names them
 * (ServiceUnavailableError, ServiceTimeoutError, AuthenticationError, AuthorizationError,
 * ValidationError, ResourceNotFoundError, ConflictError), plus {@link
 * com.shopsuite.midimo.error.ServiceFailureException} for what none of those describe.
 */
package com.shopsuite.midimo.error;
