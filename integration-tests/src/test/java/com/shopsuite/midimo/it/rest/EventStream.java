package com.shopsuite.midimo.it.rest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

/**
 * A browser's EventSource, reduced to what the tests look at: opens {@code GET .../events}, parses
 * the Server-Sent Events as they arrive (on its own thread), and goes away on {@link #close()}.
 */
final class EventStream implements AutoCloseable {

  /** One event: its name, its id (may be null) and its data. */
  record Event(String name, String id, String data) {}

  final int status;
  final HttpHeaders headers;
  final List<Event> events = new CopyOnWriteArrayList<>();
  final List<String> comments = new CopyOnWriteArrayList<>();
  private final Stream<String> lines;
  private final Thread reader;

  private EventStream(HttpResponse<Stream<String>> response) {
    this.status = response.statusCode();
    this.headers = response.headers();
    this.lines = response.body();
    this.reader = new Thread(this::read, "sse-test-reader");
    reader.setDaemon(true);
    reader.start();
  }

  /** The stream as the storefront sees it. */
  static EventStream open(String threadId, String... headers) {
    return openAs(Tokens.storefront(), threadId, headers);
  }

  /** The stream as the caller of {@code token} (null: no token) sees it. */
  static EventStream openAs(String token, String threadId, String... headers) {
    HttpRequest.Builder request =
        Storefront.as(token)
            .request("/threads/" + threadId + "/events")
            .header("Accept", "text/event-stream");
    for (int i = 0; i < headers.length; i += 2) {
      request.setHeader(headers[i], headers[i + 1]);
    }
    CompletableFuture<HttpResponse<Stream<String>>> response =
        Storefront.CLIENT.sendAsync(request.GET().build(), HttpResponse.BodyHandlers.ofLines());
    try {
      return new EventStream(response.get(30, TimeUnit.SECONDS));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } catch (ExecutionException | TimeoutException e) {
      throw new UncheckedIOException(new IOException("cannot open the event stream", e));
    }
  }

  private void read() {
    String name = null;
    String id = null;
    StringBuilder data = null;
    try {
      for (String line : (Iterable<String>) lines::iterator) {
        if (line.isEmpty()) {
          if (data != null) {
            events.add(new Event(name == null ? "message" : name, id, data.toString()));
          }
          name = null;
          id = null;
          data = null;
        } else if (line.startsWith(":")) {
          comments.add(line.substring(1).trim());
        } else if (line.startsWith("event:")) {
          name = line.substring(6).trim();
        } else if (line.startsWith("id:")) {
          id = line.substring(3).trim();
        } else if (line.startsWith("data:")) {
          String value = line.substring(5).startsWith(" ") ? line.substring(6) : line.substring(5);
          data = data == null ? new StringBuilder(value) : data.append('\n').append(value);
        }
      }
    } catch (UncheckedIOException e) {
      // The stream was closed (by us, or by the server): nothing more to read.
    }
  }

  List<Event> named(String name) {
    return events.stream().filter(event -> event.name().equals(name)).toList();
  }

  /** The browser goes away: the connection is closed without a word. */
  @Override
  public void close() {
    lines.close();
  }
}
