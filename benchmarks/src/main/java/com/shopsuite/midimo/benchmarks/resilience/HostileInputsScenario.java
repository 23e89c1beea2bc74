package com.shopsuite.midimo.benchmarks.resilience;

import com.shopsuite.midimo.benchmarks.fullpath.SupportThreads;
import com.shopsuite.midimo.benchmarks.suite.ServerSession;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** 7. A fixed corpus of hostile requests to the storefront API: how many 5xx answers. */
final class HostileInputsScenario implements Scenario {
  static final int MIN_CORPUS = 200;
  private static final int READ_TIMEOUT_MILLIS = 15_000;

  @Override
  public String id() {
    return "hostile-inputs";
  }

  @Override
  public String title() {
    return "7. Hostile REST inputs";
  }

  @Override
  public String setup() {
    return "A fixed corpus (HostileInputs) of raw HTTP/1.1 requests to every resource of the"
        + " storefront API, sent one by one on fresh connections, with a valid storefront token"
        + " unless the token is the point: path tricks, bodies that are no JSON, wrong JSON types,"
        + " oversized and deeply nested bodies, invalid UTF-8, control characters, bad headers,"
        + " bad query parameters, unexpected methods. Afterwards the server must still be ready.";
  }

  @Override
  public String passRule() {
    return "at least " + MIN_CORPUS + " requests; 0 answers with a 5xx status; ready afterwards";
  }

  @Override
  public ScenarioResult run(ResilienceRun run) throws Exception {
    ServerSession session = run.start(id());
    try {
      URI api = session.server().api();
      String threadId =
          SupportThreads.open(
              HttpClient.newHttpClient(),
              api,
              session.storefrontToken(),
              "resilience_customer",
              "resilience_order");
      List<HostileInputs.Request> corpus =
          HostileInputs.corpus(session.storefrontToken(), threadId);
      Map<String, Integer> byStatus = new TreeMap<>();
      Map<String, int[]> byCategory = new TreeMap<>();
      List<String> serverErrors = new ArrayList<>();
      int noAnswer = 0;
      for (HostileInputs.Request request : corpus) {
        String status = send(session.server().httpPort(), request.raw());
        byStatus.merge(status, 1, Integer::sum);
        int[] counts = byCategory.computeIfAbsent(request.category(), c -> new int[3]);
        counts[0]++;
        if (status.startsWith("5")) {
          counts[1]++;
          serverErrors.add(status + " for " + request.category() + ": " + request.name());
        } else if (status.equals("no answer")) {
          counts[2]++;
          noAnswer++;
        }
      }
      boolean ready = ready(session.server().managementPort());
      run.log("%s: %d requests, answers %s", id(), corpus.size(), byStatus);
      serverErrors.forEach(error -> run.log("  %s", error));
      boolean passed = corpus.size() >= MIN_CORPUS && serverErrors.isEmpty() && ready;
      StringBuilder categories =
          new StringBuilder(
              "| category | requests | 5xx | closed without an answer |\n|---|---:|---:|---:|\n");
      byCategory.forEach(
          (category, counts) ->
              categories
                  .append("| ")
                  .append(category)
                  .append(" | ")
                  .append(counts[0])
                  .append(" | ")
                  .append(counts[1])
                  .append(" | ")
                  .append(counts[2])
                  .append(" |\n"));
      StringBuilder statuses = new StringBuilder("Answers by status: ");
      byStatus.forEach(
          (status, count) ->
              statuses.append('`').append(status).append("` ").append(count).append(", "));
      statuses.setLength(statuses.length() - 2);
      statuses.append(
          ". \"Closed without an answer\" is the server dropping a connection it will not read"
              + " (a body past the 10 MB request limit, a malformed request line): no error"
              + " page, nothing served. Ready afterwards: "
              + (ready ? "yes" : "**no**")
              + ".");
      List<String> details = new ArrayList<>(List.of(categories.toString(), statuses.toString()));
      if (!serverErrors.isEmpty()) {
        details.add("5xx answers:\n\n- " + String.join("\n- ", serverErrors).replace("|", "\\|"));
      }
      return new ScenarioResult(
          passed,
          String.format(
              Locale.ROOT,
              "%d requests: %d answered 5xx, %d closed without an answer",
              corpus.size(),
              serverErrors.size(),
              noAnswer),
          details);
    } finally {
      run.stop(session);
    }
  }

  /** The status of the answer to one raw request, or "no answer". */
  static String send(int port, byte[] raw) {
    try (Socket socket = new Socket("localhost", port)) {
      socket.setSoTimeout(READ_TIMEOUT_MILLIS);
      OutputStream out = socket.getOutputStream();
      try {
        out.write(raw);
        out.flush();
      } catch (IOException e) {
        // The server stopped reading (e.g. a body over its limit): its answer may be there.
      }
      InputStream in = socket.getInputStream();
      byte[] head = new byte[12];
      int read = 0;
      while (read < head.length) {
        int n = in.read(head, read, head.length - read);
        if (n < 0) {
          break;
        }
        read += n;
      }
      String line = new String(head, 0, read, StandardCharsets.ISO_8859_1);
      if (!line.startsWith("HTTP/") || read < 12) {
        return "no answer";
      }
      return line.substring(9, 12);
    } catch (SocketTimeoutException e) {
      return "no answer";
    } catch (IOException e) {
      return "no answer";
    }
  }

  private static boolean ready(int managementPort) {
    try {
      return HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(
                          URI.create("http://localhost:" + managementPort + "/health/ready"))
                      .timeout(Duration.ofSeconds(10))
                      .build(),
                  HttpResponse.BodyHandlers.discarding())
              .statusCode()
          == 200;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
