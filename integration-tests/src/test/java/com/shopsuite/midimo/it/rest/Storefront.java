package com.shopsuite.midimo.it.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.shopsuite.midimo.it.Emulator;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * The storefront REST API as a browser or another service calls it: real HTTP to the server the
 * tests run ({@code http://localhost:8080+offset/chat/api/v1}), JSON read with JSON-P.
 */
public final class Storefront {

  public static final String PROBLEM_JSON = "application/problem+json";
  public static final String PROBLEM_TYPE = "urn:shopsuite:midimo-chat:problem:";

  /** The server's HTTP port: 8080 plus the run's port offset. */
  public static final URI SERVER =
      URI.create("http://localhost:" + (8080 + Integer.getInteger("wildfly.port-offset", 0)));

  public static final URI BASE = SERVER.resolve("/chat/api/v1");

  public static final HttpClient CLIENT =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();

  private Storefront() {}

  /** A request to the API as the storefront (which acts for any user it names). */
  public static HttpRequest.Builder request(String path) {
    return as(Tokens.storefront()).request(path);
  }

  /** A request to anything on the server, with no token (OpenAPI, paths outside the API). */
  public static HttpRequest.Builder requestTo(URI uri) {
    return HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30));
  }

  public static Reply get(String path, String... headers) {
    return as(Tokens.storefront()).get(path, headers);
  }

  public static Reply post(String path, JsonObject body, String... headers) {
    return as(Tokens.storefront()).post(path, body, headers);
  }

  public static Reply post(String path, String body, String... headers) {
    return as(Tokens.storefront()).post(path, body, headers);
  }

  public static Reply put(String path, JsonObject body, String... headers) {
    return as(Tokens.storefront()).put(path, body, headers);
  }

  /** The API as the caller of {@code token} (see {@link Tokens}); null for no token at all. */
  public static Caller as(String token) {
    return new Caller(token);
  }

  /** The API as one caller: its token on every request, unless a request sets another. */
  public static final class Caller {
    private final String token;

    private Caller(String token) {
      this.token = token;
    }

    public HttpRequest.Builder request(String path) {
      HttpRequest.Builder request = requestTo(URI.create(BASE + path));
      if (token != null) {
        request.setHeader("Authorization", "Bearer " + token);
      }
      return request;
    }

    public Reply get(String path, String... headers) {
      return send(withHeaders(request(path), headers).GET());
    }

    public Reply post(String path, JsonObject body, String... headers) {
      return post(path, body.toString(), headers);
    }

    public Reply post(String path, String body, String... headers) {
      return send(
          withHeaders(request(path), headers)
              .setHeader("Content-Type", "application/json")
              .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    public Reply put(String path, JsonObject body, String... headers) {
      return send(
          withHeaders(request(path), headers)
              .setHeader("Content-Type", "application/json")
              .PUT(HttpRequest.BodyPublishers.ofString(body.toString())));
    }
  }

  /** Accept: application/json, then the given name/value pairs, each replacing any earlier. */
  private static HttpRequest.Builder withHeaders(HttpRequest.Builder request, String... headers) {
    request.setHeader("Accept", "application/json");
    for (int i = 0; i < headers.length; i += 2) {
      request.setHeader(headers[i], headers[i + 1]);
    }
    return request;
  }

  public static Reply send(HttpRequest.Builder request) {
    try {
      HttpResponse<String> response =
          CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
      return new Reply(response);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /**
   * An empty Midimo Chat (the emulator reset) with one support thread in it, for customer {@code
   * cust_1} and order {@code order_1}: where most tests start. Returns the thread's id.
   */
  public static String freshSupportThread() {
    Emulator.reset();
    return post("/support-threads", json("customer_id", "cust_1", "order_id", "order_1"))
        .json()
        .getString("thread_id");
  }

  /** A JSON object from alternating names and values. */
  public static JsonObject json(Object... namesAndValues) {
    JsonObjectBuilder object = Json.createObjectBuilder();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      String name = (String) namesAndValues[i];
      Object value = namesAndValues[i + 1];
      if (value instanceof Boolean b) {
        object.add(name, b);
      } else if (value instanceof Iterable<?> values) {
        var array = Json.createArrayBuilder();
        values.forEach(v -> array.add(String.valueOf(v)));
        object.add(name, array);
      } else {
        object.add(name, String.valueOf(value));
      }
    }
    return object.build();
  }

  /** The text of one of the server's log files ({@code server.log}, {@code midimo_chat.log}). */
  public static String serverLog(String file) {
    try {
      return Files.readString(
          Path.of(System.getProperty("wildfly.base.dir"), "log", file), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** An answer. */
  public record Reply(HttpResponse<String> response) {

    public int status() {
      return response.statusCode();
    }

    public String body() {
      return response.body();
    }

    public Optional<String> header(String name) {
      return response.headers().firstValue(name);
    }

    public String requestId() {
      return header("X-Request-Id").orElseThrow(() -> new AssertionError("no X-Request-Id"));
    }

    public JsonObject json() {
      return Json.createReader(new StringReader(response.body())).readObject();
    }

    /** Asserts the status and that the body is a problem of that kind, and returns it. */
    public JsonObject problem(int status, String kind) {
      assertThat(status()).as("status of %s", body()).isEqualTo(status);
      assertThat(header("Content-Type"))
          .hasValueSatisfying(t -> assertThat(t).startsWith(PROBLEM_JSON));
      JsonObject problem = json();
      assertThat(problem.getString("type")).isEqualTo(PROBLEM_TYPE + kind);
      assertThat(problem.getInt("status")).isEqualTo(status);
      assertThat(problem.getString("title")).isNotBlank();
      assertThat(problem.getString("detail")).isNotBlank();
      assertThat(problem.getString("request_id")).isEqualTo(requestId());
      return problem;
    }
  }
}
