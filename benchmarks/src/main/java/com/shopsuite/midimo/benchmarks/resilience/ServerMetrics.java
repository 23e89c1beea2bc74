package com.shopsuite.midimo.benchmarks.resilience;

import com.shopsuite.midimo.launcher.WildFlyNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Counters from a node's Prometheus endpoint ({@code :9990/metrics}). */
public final class ServerMetrics {
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private ServerMetrics() {}

  /** The sum of a counter's series whose labels contain {@code label}; 0 when there is none. */
  static long counter(WildFlyNode server, String name, String label) {
    String text;
    try {
      text =
          HTTP.send(
                  HttpRequest.newBuilder(
                          URI.create("http://localhost:" + server.managementPort() + "/metrics"))
                      .timeout(Duration.ofSeconds(10))
                      .build(),
                  HttpResponse.BodyHandlers.ofString())
              .body();
    } catch (IOException e) {
      return -1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return -1;
    }
    Matcher series =
        Pattern.compile(
                "^" + Pattern.quote(name) + "\\{([^}]*)\\} ([0-9.E+-]+)$", Pattern.MULTILINE)
            .matcher(text);
    double sum = 0;
    while (series.find()) {
      if (series.group(1).contains(label)) {
        sum += Double.parseDouble(series.group(2));
      }
    }
    return Math.round(sum);
  }

  public static long orderEvents(WildFlyNode server, String outcome) {
    return counter(server, "midimo_order_events_total", "outcome=\"" + outcome + "\"");
  }
}
