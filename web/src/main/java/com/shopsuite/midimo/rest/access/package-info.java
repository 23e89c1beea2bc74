/**
 * Who may call the storefront API, and as whom: the one place its access rules live. The caller is
 * the subject of a bearer token the server verified (MicroProfile JWT); {@link
 * com.shopsuite.midimo.rest.access.AccessControl} applies the rules that a request's path decides
 * (a role, a thread's participants, a user's own resources), {@link
 * com.shopsuite.midimo.rest.access.Caller} the one that a body decides (acting as oneself).
 */
package com.shopsuite.midimo.rest.access;
