package com.shopsuite.midimo.it.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.shopsuite.midimo.client.ClientSettings;
import com.shopsuite.midimo.client.ConnectionSettings;
import com.shopsuite.midimo.client.JwtSettings;
import com.shopsuite.midimo.client.MidimoChatClient;
import com.shopsuite.midimo.it.Deployments;
import com.shopsuite.midimo.it.Emulator;
import com.shopsuite.midimo.it.rest.Storefront.Reply;
import com.shopsuite.midimo.notification.NotificationCategory;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A user's notifications over HTTP. The storefront API only reads them; the test puts them in
 * Midimo Chat (the emulator) directly, with the project's own gRPC client and the run's secret.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class NotificationApiIT {

  @Deployment(testable = false)
  static EnterpriseArchive deployment() {
    return Deployments.application();
  }

  private static MidimoChatClient midimoChat;

  @BeforeAll
  static void connectToMidimoChat() throws IOException {
    Path secret =
        Path.of(
            System.getProperty("wildfly.base.dir"),
            "configuration",
            "midimo-chat-secrets",
            "midimo.chat.jwt.secret-key");
    midimoChat =
        MidimoChatClient.connect(
            new ClientSettings(
                new ConnectionSettings(
                    "localhost",
                    Emulator.port(),
                    false,
                    null,
                    1,
                    Duration.ofMinutes(5),
                    Duration.ofSeconds(20)),
                new JwtSettings(
                    Files.readString(secret, StandardCharsets.UTF_8),
                    "e-commerce",
                    "primary",
                    Duration.ofMinutes(5)),
                Duration.ofSeconds(2),
                Duration.ofMinutes(1)));
  }

  @AfterAll
  static void disconnect() {
    midimoChat.close();
  }

  @BeforeEach
  void emptyMidimoChat() {
    Emulator.reset();
  }

  @Test
  void list_answersTheUsersNotifications_newestFirst_pageByPage() {
    for (int i = 1; i <= 3; i++) {
      notify("cust_1", "n" + i);
    }

    List<String> titles = new ArrayList<>();
    String token = null;
    int pages = 0;
    do {
      Reply page =
          Storefront.get(
              "/users/cust_1/notifications?page_size=2"
                  + (token == null ? "" : "&page_token=" + token));
      assertThat(page.status()).isEqualTo(200);
      JsonObject body = page.json();
      body.getJsonArray("notifications").getValuesAs(JsonObject.class).stream()
          .map(n -> n.getString("title"))
          .forEach(titles::add);
      token = body.isNull("next_page_token") ? null : body.getString("next_page_token");
      pages++;
    } while (token != null);

    assertThat(titles).containsExactly("n3", "n2", "n1");
    assertThat(pages).isEqualTo(2);
  }

  @Test
  void markRead_answersTheNotification_andUnreadOnlyNoLongerListsIt() {
    String first = notify("cust_1", "first");
    notify("cust_1", "second");

    Reply read = Storefront.post("/users/cust_1/notifications/" + first + "/read", "");

    assertThat(read.status()).isEqualTo(200);
    assertThat(read.json().getString("notification_id")).isEqualTo(first);
    assertThat(read.json().getBoolean("read")).isTrue();
    assertThat(read.json().getString("read_at")).endsWith("Z");
    List<String> unread =
        Storefront.get("/users/cust_1/notifications?unread_only=true")
            .json()
            .getJsonArray("notifications")
            .getValuesAs(JsonObject.class)
            .stream()
            .map(n -> n.getString("title"))
            .toList();
    assertThat(unread).containsExactly("second");
  }

  @Test
  void markRead_ofAnUnknownNotification_isA404Problem() {
    Storefront.post("/users/cust_1/notifications/no_such/read", "").problem(404, "not-found");
  }

  @Test
  void list_withAPageSizeOutOfRange_isA400_namingTheParameter() {
    Reply reply = Storefront.get("/users/cust_1/notifications?page_size=201");

    assertThat(reply.problem(400, "validation").getString("detail")).startsWith("page_size:");
  }

  private static String notify(String userId, String title) {
    return midimoChat
        .sendNotification(
            userId, title, "body of " + title, NotificationCategory.SYSTEM, Map.of(), null)
        .id();
  }
}
