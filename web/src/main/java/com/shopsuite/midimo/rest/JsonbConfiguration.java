package com.shopsuite.midimo.rest;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import jakarta.json.bind.config.PropertyNamingStrategy;
import jakarta.ws.rs.ext.ContextResolver;
import jakarta.ws.rs.ext.Provider;

/**
 * How the API writes and reads JSON (JSON-B, which RESTEasy uses on WildFly): snake_case field
 * names as in the original guide ({@code thread_id}, {@code created_at}); timestamps as ISO-8601
 * UTC strings (JSON-B's default for {@code Instant}); null values written out, so that every field
 * the OpenAPI document lists is always present, {@code null} when it has no value; fields in
 * alphabetical order (JSON-B's default), the same on every run.
 */
@Provider
public class JsonbConfiguration implements ContextResolver<Jsonb> {

  private final Jsonb jsonb =
      JsonbBuilder.create(
          new JsonbConfig()
              .withPropertyNamingStrategy(PropertyNamingStrategy.LOWER_CASE_WITH_UNDERSCORES)
              .withNullValues(true));

  @Override
  public Jsonb getContext(Class<?> type) {
    return jsonb;
  }
}
