package com.shopsuite.midimo.benchmarks.fullpath;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Opens support threads through the storefront API: what every case and scenario starts from. */
public final class SupportThreads {
  private static final Pattern THREAD_ID = Pattern.compile("\"thread_id\"\\s*:\\s*\"([^\"]+)\"");
  private static final Duration TIMEOUT = Duration.ofSeconds(10);

  private SupportThreads() {}

  /**
   * The support thread of the customer's order ({@code POST /support-threads}, created or found).
   *
   * @param api the storefront API's base, {@code …/chat/api/v1}
   * @param token a storefront token, which may name any customer
   * @return its thread id
   */
  public static String open(
      HttpClient http, URI api, String token, String customerId, String orderId)
      throws IOException, InterruptedException {
    String body = "{\"customer_id\":\"" + customerId + "\",\"order_id\":\"" + orderId + "\"}";
    HttpResponse<String> created =
        http.send(
            HttpRequest.newBuilder(URI.create(api + "/support-threads"))
                .timeout(TIMEOUT)
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    Matcher id = THREAD_ID.matcher(created.body());
    if (created.statusCode() / 100 != 2 || !id.find()) {
      throw new IllegalStateException(
          "POST /support-threads answered " + created.statusCode() + ": " + created.body());
    }
    return id.group(1);
  }
}
