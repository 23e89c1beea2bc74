package com.shopsuite.midimo.benchmarks.resilience;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A fixed corpus of hostile requests to the storefront API, each a raw HTTP/1.1 request (so that
 * nothing a client library would refuse to send is left out): oversized and deeply nested bodies,
 * invalid UTF-8, control characters, wrong JSON types, path tricks, bad headers, bad queries,
 * unexpected methods. Every one carries a valid storefront token unless the token is the point.
 */
final class HostileInputs {

  /** One request of the corpus. */
  record Request(String category, String name, byte[] raw) {}

  private final String token;
  private final String threadId;
  private final List<Request> corpus = new ArrayList<>();

  private HostileInputs(String token, String threadId) {
    this.token = token;
    this.threadId = threadId;
  }

  static List<Request> corpus(String token, String threadId) {
    HostileInputs inputs = new HostileInputs(token, threadId);
    inputs.pathTricks();
    inputs.bodies();
    inputs.headers();
    inputs.queries();
    inputs.methods();
    return List.copyOf(inputs.corpus);
  }

  // ---- path tricks -----------------------------------------------------------------------------

  private static final List<String> HOSTILE_IDS =
      List.of(
          "..",
          "%2e%2e",
          "..%2f..%2f..%2fetc%2fpasswd",
          "%00",
          "a%00b",
          "a%0d%0aX-Injected:%20yes",
          "a".repeat(129),
          "a".repeat(10_000),
          "%ff%fe%fd",
          "%",
          "%zz",
          "x;jsessionid=abc",
          "%2f%2f",
          "%5c..%5c",
          "*",
          "$(id)",
          "'%20OR%20'1'='1",
          "%3Cscript%3Ealert(1)%3C%2Fscript%3E",
          "%F0%9F%92%A9",
          "%C0%AE%C0%AE",
          "%E2%80%AE",
          "%7B%7D");

  private void pathTricks() {
    List<String> templates =
        List.of(
            "GET /chat/api/v1/threads/%s",
            "GET /chat/api/v1/threads/%s/messages",
            "GET /chat/api/v1/users/%s/notifications",
            "GET /chat/api/v1/users/%s/threads",
            "PUT /chat/api/v1/presence/%s",
            "POST /chat/api/v1/users/cust_1/notifications/%s/read");
    for (String template : templates) {
      for (String id : HOSTILE_IDS) {
        String[] methodAndPath = template.formatted(id).split(" ", 2);
        byte[] body =
            methodAndPath[0].equals("PUT")
                ? "{\"status\":\"ONLINE\"}".getBytes(StandardCharsets.UTF_8)
                : new byte[0];
        add(
            "path",
            template.split(" ", 2)[1] + " ← " + shortened(id),
            request(methodAndPath[0], methodAndPath[1], "application/json", body));
      }
    }
    add("path", "double slash", request("GET", "/chat/api/v1//threads//" + threadId, null, null));
    add(
        "path",
        "dot segments",
        request("GET", "/chat/api/v1/threads/./../threads/" + threadId, null, null));
    add(
        "path",
        "absolute URI",
        request("GET", "http://evil.example/chat/api/v1/threads/" + threadId, null, null));
    add("path", "no such resource", request("GET", "/chat/api/v1/nothing/here", null, null));
    add(
        "path",
        "path of 64 KB",
        request("GET", "/chat/api/v1/threads/" + "b".repeat(65_536), null, null));
  }

  // ---- bodies ----------------------------------------------------------------------------------

  private void bodies() {
    List<String> posts =
        List.of(
            "POST /chat/api/v1/support-threads",
            "POST /chat/api/v1/threads",
            "POST /chat/api/v1/threads/" + threadId + "/messages",
            "POST /chat/api/v1/threads/" + threadId + "/order-updates",
            "PUT /chat/api/v1/threads/" + threadId + "/typing",
            "PUT /chat/api/v1/presence/cust_1");
    List<byte[]> bodies = new ArrayList<>();
    List<String> names = new ArrayList<>();
    body(bodies, names, "empty", "");
    body(bodies, names, "open brace", "{");
    body(bodies, names, "null", "null");
    body(bodies, names, "array", "[]");
    body(bodies, names, "number", "123");
    body(bodies, names, "string", "\"text\"");
    body(bodies, names, "truncated", "{\"user_id\":");
    body(
        bodies,
        names,
        "ids as numbers",
        "{\"customer_id\":123,\"order_id\":456,\"user_id\":7,\"content\":8}");
    body(
        bodies,
        names,
        "ids as arrays",
        "{\"customer_id\":[\"a\"],\"order_id\":[],\"user_id\":[1],\"content\":[\"x\"]}");
    body(
        bodies,
        names,
        "ids as objects",
        "{\"customer_id\":{\"a\":1},\"user_id\":{},\"content\":{}}");
    body(
        bodies,
        names,
        "ids null",
        "{\"customer_id\":null,\"order_id\":null,\"user_id\":null,\"content\":null,\"status\":null}");
    body(
        bodies,
        names,
        "booleans",
        "{\"user_id\":true,\"content\":false,\"typing\":\"yes\",\"status\":true}");
    body(
        bodies,
        names,
        "attachments not a list",
        "{\"user_id\":\"cust_1\",\"content\":\"x\",\"attachment_ids\":\"a\"}");
    body(
        bodies,
        names,
        "attachments of numbers",
        "{\"user_id\":\"cust_1\",\"content\":\"x\",\"attachment_ids\":[1,2,{}]}");
    body(
        bodies,
        names,
        "attachments with null",
        "{\"user_id\":\"cust_1\",\"content\":\"x\",\"attachment_ids\":[null]}");
    body(
        bodies,
        names,
        "100,000 attachments",
        "{\"user_id\":\"cust_1\",\"content\":\"x\",\"attachment_ids\":["
            + "\"a\",".repeat(99_999)
            + "\"a\"]}");
    body(
        bodies,
        names,
        "content of 4,001 chars",
        "{\"user_id\":\"cust_1\",\"content\":\"" + "c".repeat(4_001) + "\"}");
    body(
        bodies,
        names,
        "content of 1 MB",
        "{\"user_id\":\"cust_1\",\"content\":\"" + "c".repeat(1 << 20) + "\"}");
    body(
        bodies,
        names,
        "metadata of 10,000 entries",
        "{\"user_id\":\"cust_1\",\"title\":\"t\",\"metadata\":{" + manyEntries(10_000) + "}}");
    body(
        bodies,
        names,
        "arrays nested 10,000 deep",
        "{\"user_id\":" + "[".repeat(10_000) + "]".repeat(10_000) + "}");
    body(
        bodies,
        names,
        "objects nested 10,000 deep",
        "{\"a\":".repeat(10_000) + "1" + "}".repeat(10_000));
    body(
        bodies,
        names,
        "number 1e999999",
        "{\"user_id\":\"cust_1\",\"content\":1e999999,\"typing\":1e999999}");
    body(
        bodies,
        names,
        "number of 10,000 digits",
        "{\"user_id\":\"cust_1\",\"page\":" + "9".repeat(10_000) + "}");
    body(
        bodies,
        names,
        "duplicate keys",
        "{\"user_id\":\"a\",\"user_id\":\"b\",\"content\":\"x\",\"content\":\"y\"}");
    body(
        bodies,
        names,
        "escaped NUL in ids",
        "{\"customer_id\":\"c\\u0000\",\"order_id\":\"o\\u0000\",\"user_id\":\"u\\u0000\",\"content\":\"\\u0000\"}");
    body(
        bodies,
        names,
        "escape sequences in ids",
        "{\"customer_id\":\"\\u001b[31mred\",\"order_id\":\"o\\n2026 INFO forged\",\"user_id\":\"\\r\\n\",\"content\":\"\\u2028\"}");
    body(
        bodies,
        names,
        "raw newline in a string",
        "{\"user_id\":\"cust\n_1\",\"content\":\"a\nb\"}");
    body(
        bodies,
        names,
        "lone surrogate escape",
        "{\"user_id\":\"\\ud800\",\"content\":\"\\udfff\"}");
    bytes(
        bodies,
        names,
        "invalid UTF-8 (C3 28)",
        json("{\"user_id\":\"cust_1\",\"content\":\""),
        new byte[] {(byte) 0xC3, 0x28},
        json("\"}"));
    bytes(
        bodies,
        names,
        "invalid UTF-8 (FF FE)",
        json("{\"user_id\":\""),
        new byte[] {(byte) 0xFF, (byte) 0xFE},
        json("\",\"content\":\"x\"}"));
    bytes(
        bodies,
        names,
        "overlong UTF-8 (C0 AF)",
        json("{\"customer_id\":\""),
        new byte[] {(byte) 0xC0, (byte) 0xAF},
        json("\",\"order_id\":\"o\"}"));
    bytes(
        bodies,
        names,
        "encoded surrogate (ED A0 80)",
        json("{\"user_id\":\"cust_1\",\"content\":\""),
        new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
        json("\"}"));
    bytes(
        bodies,
        names,
        "raw NUL bytes",
        json("{\"user_id\":\"cust_1\",\"content\":\"a"),
        new byte[] {0, 0, 0},
        json("\"}"));
    bytes(
        bodies,
        names,
        "UTF-16 body",
        "{\"user_id\":\"cust_1\",\"content\":\"x\"}".getBytes(StandardCharsets.UTF_16));
    body(bodies, names, "XML", "<message><user_id>cust_1</user_id></message>");
    for (String post : posts) {
      String[] methodAndPath = post.split(" ", 2);
      for (int i = 0; i < bodies.size(); i++) {
        add(
            "body",
            post.replace(threadId, "{id}") + " ← " + names.get(i),
            request(methodAndPath[0], methodAndPath[1], "application/json", bodies.get(i)));
      }
    }
    String messages = "/chat/api/v1/threads/" + threadId + "/messages";
    byte[] fine = json("{\"user_id\":\"cust_1\",\"content\":\"fine\"}");
    add("body", "text/plain", request("POST", messages, "text/plain", fine));
    add("body", "application/xml", request("POST", messages, "application/xml", fine));
    add("body", "no Content-Type", request("POST", messages, null, fine));
    add(
        "body",
        "charset=ebcdic-unknown",
        request("POST", messages, "application/json; charset=ebcdic-unknown", fine));
    add(
        "body",
        "multipart without boundary",
        request("POST", messages, "multipart/form-data", fine));
    add(
        "body",
        "20 MB body",
        request(
            "POST",
            messages,
            "application/json",
            json("{\"user_id\":\"cust_1\",\"content\":\"" + "z".repeat(20 << 20) + "\"}")));
    add(
        "body",
        "bad chunk size",
        raw(
            "POST "
                + messages
                + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer "
                + token
                + "\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\nzz\r\n{}\r\n0\r\n\r\n"));
    add(
        "body",
        "Content-Length and chunked",
        raw(
            "POST "
                + messages
                + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer "
                + token
                + "\r\nContent-Type: application/json\r\nContent-Length: 4\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n2\r\n{}\r\n0\r\n\r\n"));
    add(
        "body",
        "negative Content-Length",
        raw(
            "POST "
                + messages
                + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer "
                + token
                + "\r\nContent-Type: application/json\r\nContent-Length: -5\r\nConnection: close\r\n\r\n{}"));
  }

  // ---- headers ---------------------------------------------------------------------------------

  private void headers() {
    String messages = "/chat/api/v1/threads/" + threadId + "/messages";
    byte[] fine = json("{\"user_id\":\"cust_1\",\"content\":\"fine\"}");
    header(
        "Idempotency-Key of 10,000 chars",
        "POST",
        messages,
        fine,
        "Idempotency-Key: " + "k".repeat(10_000));
    header(
        "Idempotency-Key with control bytes",
        "POST",
        messages,
        fine,
        "Idempotency-Key: a\u0001b\u001bc");
    header(
        "Idempotency-Key with spaces and quotes",
        "POST",
        messages,
        fine,
        "Idempotency-Key: \" ' ; DROP");
    header("Idempotency-Key empty", "POST", messages, fine, "Idempotency-Key: ");
    header(
        "two Idempotency-Keys", "POST", messages, fine, "Idempotency-Key: a\r\nIdempotency-Key: b");
    header(
        "X-Request-Id of 10,000 chars",
        "GET",
        messages,
        null,
        "X-Request-Id: " + "r".repeat(10_000));
    header("X-Request-Id with control bytes", "GET", messages, null, "X-Request-Id: a\u0007b");
    header("header of 64 KB", "GET", messages, null, "X-Padding: " + "p".repeat(65_536));
    header("Accept: image/png", "GET", messages, null, "Accept: image/png");
    header("Accept: garbage", "GET", messages, null, "Accept: ;;;/;;");
    header("Accept-Charset: unknown", "GET", messages, null, "Accept-Charset: x-unknown");
    header(
        "Last-Event-ID garbage",
        "GET",
        "/chat/api/v1/threads/" + threadId + "/events",
        null,
        "Last-Event-ID: ../../\u0001" + "e".repeat(1_000));
    header("Host missing", "GET", messages, null, null);
    List<String> tokens =
        List.of(
            "",
            "Bearer",
            "Bearer ",
            "Bearer " + "t".repeat(100_000),
            "Bearer not.a.jwt",
            "Bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.",
            "Bearer eyJ!!!.eyJ!!!.sig",
            "Basic YWRtaW46YWRtaW4=",
            "Negotiate abc",
            "Bearer " + token + "x",
            "bearer " + token + " extra");
    for (String authorization : tokens) {
      add(
          "header",
          "Authorization: " + shortened(authorization),
          raw(
              "GET "
                  + messages
                  + " HTTP/1.1\r\nHost: localhost\r\n"
                  + (authorization.isEmpty() ? "" : "Authorization: " + authorization + "\r\n")
                  + "Connection: close\r\n\r\n"));
    }
  }

  private void header(String name, String method, String path, byte[] body, String extra) {
    StringBuilder head = new StringBuilder(method + " " + path + " HTTP/1.1\r\n");
    if (extra != null) {
      head.append("Host: localhost\r\n").append(extra).append("\r\n");
    }
    head.append("Authorization: Bearer ").append(token).append("\r\n");
    if (body != null) {
      head.append("Content-Type: application/json\r\nContent-Length: ")
          .append(body.length)
          .append("\r\n");
    }
    head.append("Connection: close\r\n\r\n");
    add(
        "header",
        name,
        concat(
            head.toString().getBytes(StandardCharsets.ISO_8859_1),
            body == null ? new byte[0] : body));
  }

  // ---- queries ---------------------------------------------------------------------------------

  private void queries() {
    String messages = "/chat/api/v1/threads/" + threadId + "/messages";
    String notifications = "/chat/api/v1/users/cust_1/notifications";
    String threads = "/chat/api/v1/users/cust_1/threads";
    String availability = "/chat/api/v1/agents/availability";
    for (String query :
        List.of(
            "limit=-1",
            "limit=0",
            "limit=abc",
            "limit=99999999999999999999",
            "limit=1e3",
            "limit=%00",
            "limit=1&limit=2",
            "before=" + "b".repeat(10_000),
            "before=%00",
            "before=..%2f")) {
      add(
          "query",
          "messages?" + shortened(query),
          request("GET", messages + "?" + query, null, null));
    }
    for (String query :
        List.of(
            "page_size=-1",
            "page_size=100000",
            "page_size=x",
            "page_token=%%%",
            "page_token=" + "p".repeat(10_000),
            "page_token=eyJub3QiOiJvdXJzIn0",
            "unread_only=maybe",
            "unread_only=")) {
      add(
          "query",
          "notifications?" + shortened(query),
          request("GET", notifications + "?" + query, null, null));
      add(
          "query",
          "user threads?" + shortened(query),
          request("GET", threads + "?" + query, null, null));
    }
    for (String query :
        List.of(
            "agent_ids=",
            "agent_ids=" + "a,".repeat(5_000),
            "agent_ids=%00",
            "agent_ids=a&agent_ids=" + "x".repeat(200))) {
      add(
          "query",
          "availability?" + shortened(query),
          request("GET", availability + "?" + query, null, null));
    }
  }

  // ---- methods ---------------------------------------------------------------------------------

  private void methods() {
    String thread = "/chat/api/v1/threads/" + threadId;
    for (String method : List.of("DELETE", "PATCH", "TRACE", "OPTIONS", "HEAD", "FOO", "CONNECT")) {
      add("method", method + " /threads/{id}", request(method, thread, null, null));
    }
    add(
        "method",
        "GET /support-threads",
        request("GET", "/chat/api/v1/support-threads", null, null));
    add(
        "method",
        "PUT /threads/{id}/messages",
        request("PUT", thread + "/messages", "application/json", json("{}")));
    add("method", "HTTP/0.9 request line", raw("GET " + thread + "\r\n\r\n"));
    add(
        "method",
        "HTTP/3.0",
        raw("GET " + thread + " HTTP/3.0\r\nHost: localhost\r\nConnection: close\r\n\r\n"));
    add("method", "garbage request line", raw("\u0001\u0002\u0003 / HTTP/1.1\r\n\r\n"));
  }

  // ---- building --------------------------------------------------------------------------------

  private byte[] request(String method, String path, String contentType, byte[] body) {
    StringBuilder head =
        new StringBuilder(method + " " + path + " HTTP/1.1\r\nHost: localhost\r\n");
    head.append("Authorization: Bearer ").append(token).append("\r\n");
    if (contentType != null) {
      head.append("Content-Type: ").append(contentType).append("\r\n");
    }
    if (body != null && (body.length > 0 || !method.equals("GET"))) {
      head.append("Content-Length: ").append(body.length).append("\r\n");
    }
    head.append("Connection: close\r\n\r\n");
    return concat(
        head.toString().getBytes(StandardCharsets.ISO_8859_1), body == null ? new byte[0] : body);
  }

  private static byte[] raw(String request) {
    return request.getBytes(StandardCharsets.ISO_8859_1);
  }

  private void add(String category, String name, byte[] raw) {
    corpus.add(new Request(category, name, raw));
  }

  private static void body(List<byte[]> bodies, List<String> names, String name, String json) {
    bytes(bodies, names, name, json(json));
  }

  private static void bytes(List<byte[]> bodies, List<String> names, String name, byte[]... parts) {
    names.add(name);
    bodies.add(concat(parts));
  }

  private static byte[] json(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] part : parts) {
      out.writeBytes(part);
    }
    return out.toByteArray();
  }

  private static String manyEntries(int count) {
    StringBuilder entries = new StringBuilder();
    for (int i = 0; i < count; i++) {
      entries.append(i == 0 ? "" : ",").append("\"k").append(i).append("\":\"v\"");
    }
    return entries.toString();
  }

  static String shortened(String text) {
    String visible = text.replaceAll("\\p{Cntrl}", "?");
    return visible.length() <= 40
        ? visible
        : visible.substring(0, 37) + "... (" + text.length() + " chars)";
  }
}
