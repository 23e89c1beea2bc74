package com.shopsuite.midimo.benchmarks.fullpath;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class NettyHttpDriverTest {
  private HttpServer server;
  private URI base;
  private final AtomicInteger connections = new AtomicInteger();
  private volatile String lastBody;

  @BeforeEach
  void start() throws Exception {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/ok",
        exchange -> {
          lastBody = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
          byte[] body = "{\"id\":1}".getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(201, body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
    server.createContext(
        "/down",
        exchange -> {
          byte[] body = "{\"status\":503}".getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(503, body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
    server.start();
    base = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  @Test
  void send_completesOn2xx_andReusesTheConnection() throws Exception {
    try (NettyHttpDriver http = new NettyHttpDriver(base)) {
      var request = http.postJson(URI.create(base + "/ok"), "{\"a\":\"b\"}");

      for (int i = 0; i < 3; i++) {
        assertThat(http.send(request).toCompletableFuture().get(5, TimeUnit.SECONDS))
            .isEqualTo(201);
      }

      assertThat(lastBody).isEqualTo("{\"a\":\"b\"}");
    }
  }

  @Test
  void send_failsOnAnyOtherStatus_sayingWhich() {
    try (NettyHttpDriver http = new NettyHttpDriver(base)) {
      CompletableFuture<Integer> answer =
          http.send(http.get(URI.create(base + "/down"))).toCompletableFuture();

      assertThatThrownBy(() -> answer.get(5, TimeUnit.SECONDS))
          .isInstanceOf(ExecutionException.class)
          .hasMessageContaining("HTTP 503")
          .hasMessageContaining("{\"status\":503}");
    }
  }
}
