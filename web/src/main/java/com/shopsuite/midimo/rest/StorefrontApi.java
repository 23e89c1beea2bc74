package com.shopsuite.midimo.rest;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/**
 * The storefront's chat API: {@code /chat/api/v1/...} (the EAR gives the WAR {@code /chat}). Its
 * documentation is {@code META-INF/openapi.yaml}, served with what is scanned from the resources at
 * {@code /openapi}.
 */
@ApplicationPath("/api/v1")
public class StorefrontApi extends Application {}
