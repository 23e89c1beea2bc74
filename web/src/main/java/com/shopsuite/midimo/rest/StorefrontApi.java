package com.shopsuite.midimo.rest;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.auth.LoginConfig;

/**
 * The storefront's chat API: {@code /chat/api/v1/...} (the EAR gives the WAR {@code /chat}). Every
 * request carries a bearer token that the server verifies (MicroProfile JWT, configured by the
 * {@code mp.jwt.verify.*} settings); who may do what is {@code rest.access}'s. Its documentation is
 * {@code META-INF/openapi.yaml}, served with what is scanned from the resources at {@code
 * /openapi}.
 */
@ApplicationPath("/api/v1")
@LoginConfig(authMethod = "MP-JWT")
public class StorefrontApi extends Application {}
