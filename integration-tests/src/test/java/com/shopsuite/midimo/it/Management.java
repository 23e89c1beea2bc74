package com.shopsuite.midimo.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.jboss.as.controller.client.ModelControllerClient;
import org.jboss.dmr.ModelNode;

/**
 * The server's management side, as an operator sees it: health and metrics over HTTP on the
 * management port, and management operations (threads, class loading, GC) over the native API.
 */
public final class Management {

  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private Management() {}

  public static URI uri(String path) {
    return URI.create("http://localhost:" + System.getProperty("wildfly.management.port") + path);
  }

  /** GET on the management port (health, metrics): status and body. */
  public static HttpResponse<String> get(String path) {
    try {
      return HTTP.send(
          HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(10)).GET().build(),
          HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Names of the server's live threads. */
  public static List<String> threadNames(ModelControllerClient client) {
    ModelNode op = operation("/core-service=platform-mbean/type=threading", "dump-all-threads");
    op.get("locked-monitors").set(false);
    op.get("locked-synchronizers").set(false);
    op.get("max-depth").set(0);
    return execute(client, op).asList().stream()
        .map(thread -> thread.get("thread-name").asString())
        .toList();
  }

  /** Classes the server's JVM holds loaded now, after a full garbage collection. */
  public static int loadedClassesAfterGc(ModelControllerClient client) {
    execute(client, operation("/core-service=platform-mbean/type=memory", "gc"));
    ModelNode read = operation("/core-service=platform-mbean/type=class-loading", "read-attribute");
    read.get("name").set("loaded-class-count");
    return execute(client, read).asInt();
  }

  /** Classes the JVM has loaded since it started (a counter that never goes down). */
  public static long classesEverLoaded(ModelControllerClient client) {
    ModelNode read = operation("/core-service=platform-mbean/type=class-loading", "read-attribute");
    read.get("name").set("total-loaded-class-count");
    return execute(client, read).asLong();
  }

  /** Messages in a JMS queue, those being delivered included: 0 means all were consumed. */
  public static long queueDepth(ModelControllerClient client, String queue) {
    ModelNode read = operation(QUEUES + queue, "read-attribute");
    read.get("name").set("message-count");
    return execute(client, read).asLong();
  }

  /** The messages of a JMS queue, each as its headers and properties. */
  public static List<ModelNode> queueMessages(ModelControllerClient client, String queue) {
    return execute(client, operation(QUEUES + queue, "list-messages")).asList();
  }

  /**
   * Moves the messages of {@code queue} that match {@code filter} (a JMS selector) to {@code
   * target}, in their order, as an operator redrives a dead-letter queue. Returns how many moved.
   */
  public static int moveMessages(
      ModelControllerClient client, String queue, String filter, String target) {
    ModelNode move = operation(QUEUES + queue, "move-messages");
    move.get("filter").set(filter);
    move.get("other-queue-name").set(target);
    return execute(client, move).asInt();
  }

  /** Empties a JMS queue. */
  public static void clearQueue(ModelControllerClient client, String queue) {
    execute(client, operation(QUEUES + queue, "remove-messages"));
  }

  private static final String QUEUES = "/subsystem=messaging-activemq/server=default/jms-queue=";

  private static ModelNode operation(String address, String name) {
    ModelNode op = new ModelNode();
    ModelNode path = op.get("address").setEmptyList();
    for (String element : address.substring(1).split("/")) {
      String[] pair = element.split("=", 2);
      path.add(pair[0], pair[1]);
    }
    op.get("operation").set(name);
    return op;
  }

  private static ModelNode execute(ModelControllerClient client, ModelNode op) {
    try {
      ModelNode result = client.execute(op);
      if (!"success".equals(result.get("outcome").asString())) {
        throw new IllegalStateException("management operation failed: " + result);
      }
      return result.get("result");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
