package com.shopsuite.midimo.floor;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.auth.LoginConfig;

/**
 * The floor's API, at /floor/api: tokens verified by the server as the storefront API's are (the
 * same mp.jwt.verify settings), so that a request with a token and one without differ by exactly
 * what verifying it costs.
 */
@ApplicationPath("/api")
@LoginConfig(authMethod = "MP-JWT")
public class FloorApi extends Application {}
