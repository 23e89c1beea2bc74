package com.shopsuite.midimo.it.rest;

import static com.shopsuite.midimo.it.rest.Storefront.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.shopsuite.midimo.it.Deployments;
import com.shopsuite.midimo.it.Emulator;
import com.shopsuite.midimo.it.rest.Storefront.Reply;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Who may call, and as whom: every access rule of the storefront API, allowed and refused, for REST
 * and live events, with tokens of the issuer the server trusts. Customers and agents act only as
 * themselves, the storefront for anyone; a thread is its participants' only, and one the caller may
 * not see is indistinguishable from one that does not exist.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AccessApiIT {

  private static final String ALICE = "cust_alice";
  private static final String BOB = "cust_bob";

  @Deployment(testable = false)
  static EnterpriseArchive deployment() {
    return Deployments.application();
  }

  private final Storefront.Caller alice = Storefront.as(Tokens.customer(ALICE));
  private final Storefront.Caller bob = Storefront.as(Tokens.customer(BOB));
  private String alicesThread;

  @BeforeEach
  void aliceHasASupportThread() {
    Emulator.reset();
    Reply created = alice.post("/support-threads", json("order_id", "order_a1"));
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    alicesThread = created.json().getString("thread_id");
  }

  @Test
  void noToken_is401_withABearerChallenge_andReachesNothing() {
    long before = Emulator.stats().getMessages();

    Reply reply =
        Storefront.as(null)
            .post("/threads/" + alicesThread + "/messages", json("content", "hello?"));

    JsonObject problem = reply.problem(401, "unauthorized");
    assertThat(problem.getString("detail")).contains("bearer token is required");
    assertThat(reply.header("WWW-Authenticate")).hasValueSatisfying(v -> v.startsWith("Bearer"));
    assertThat(Emulator.stats().getMessages()).isEqualTo(before);
  }

  @Test
  void aTokenInTheUrl_isRefused() {
    Reply reply =
        Storefront.as(null)
            .get("/threads/" + alicesThread + "?access_token=" + Tokens.storefront());

    assertThat(reply.problem(400, "validation").getString("detail"))
        .contains("never in the URL")
        .doesNotContain(Tokens.storefront());
  }

  @Test
  void aCustomer_opensASupportThreadOnlyForThemselves() {
    assertThat(
            alice
                .post("/support-threads", json("order_id", "o2"))
                .json()
                .getJsonArray("participants"))
        .extracting(value -> ((JsonString) value).getString())
        .contains(ALICE);

    alice
        .post("/support-threads", json("customer_id", BOB, "order_id", "o3"))
        .problem(403, "forbidden");
  }

  @Test
  void anAgent_cannotOpenSupportThreads_andACustomerCannotPostOrderUpdates() {
    Storefront.as(Tokens.agent("agent_1"))
        .post("/support-threads", json("customer_id", "agent_1", "order_id", "o4"))
        .problem(403, "forbidden");

    alice
        .post(
            "/threads/" + alicesThread + "/order-updates",
            json("order_id", "order_a1", "status", "Refunded"))
        .problem(403, "forbidden");
    assertThat(Emulator.stats().getMessages()).isZero();
  }

  @Test
  void aTokenWithoutAnyRoleOfTheApi_is403() {
    Storefront.as(Tokens.of("visitor_1", "newsletter"))
        .get("/agents/availability?agent_id=agent_1")
        .problem(403, "forbidden");
  }

  @Test
  void aParticipant_postsAsThemselves_whoeverTheBodyLeavesOut() {
    Reply posted = alice.post("/threads/" + alicesThread + "/messages", json("content", "Hi"));

    assertThat(posted.status()).as(posted.body()).isEqualTo(201);
    assertThat(posted.json().getString("user_id")).isEqualTo(ALICE);
  }

  @Test
  void aCustomer_cannotPostAsAnyoneElse_theShopIncluded() {
    alice
        .post(
            "/threads/" + alicesThread + "/messages",
            json("user_id", "ecommerce-system", "content", "Refund here: http://evil.example"))
        .problem(403, "forbidden");

    assertThat(Emulator.stats().getMessages()).isZero();
  }

  @Test
  void theStorefront_postsAsTheUserItNames_andMustNameOne() {
    Reply posted =
        Storefront.post(
            "/threads/" + alicesThread + "/messages", json("user_id", ALICE, "content", "Hi"));
    assertThat(posted.json().getString("user_id")).isEqualTo(ALICE);

    Storefront.post("/threads/" + alicesThread + "/messages", json("content", "who am I?"))
        .problem(400, "validation");
  }

  @Test
  void aThreadOfSomeoneElse_isA404_exactlyLikeOneThatDoesNotExist() {
    Reply notTheirs = bob.get("/threads/" + alicesThread);
    Reply missing = bob.get("/threads/thr_does_not_exist");

    JsonObject refused = notTheirs.problem(404, "not-found");
    JsonObject absent = missing.problem(404, "not-found");
    assertThat(refused.getString("title")).isEqualTo(absent.getString("title"));
    assertThat(refused.getString("detail").replace(alicesThread, "X"))
        .isEqualTo(absent.getString("detail").replace("thr_does_not_exist", "X"));
    bob.get("/threads/" + alicesThread + "/messages").problem(404, "not-found");
    bob.post("/threads/" + alicesThread + "/messages", json("content", "hi"))
        .problem(404, "not-found");
    bob.put("/threads/" + alicesThread + "/typing", json("is_typing", true))
        .problem(404, "not-found");
    assertThat(Emulator.stats().getMessages()).isZero();
  }

  @Test
  void aCustomerWalkingThreadIds_seesOnlyTheirOwn() {
    String bobsThread =
        bob.post("/support-threads", json("order_id", "order_b1")).json().getString("thread_id");
    for (int i = 0; i < 5; i++) {
      Storefront.post(
          "/support-threads", json("customer_id", "cust_" + i, "order_id", "order_" + i));
    }

    for (int n = 1; n <= 10; n++) {
      String id = "thr_" + n;
      Reply reply = bob.get("/threads/" + id);
      if (id.equals(bobsThread)) {
        assertThat(reply.status()).isEqualTo(200);
      } else {
        reply.problem(404, "not-found");
      }
    }
  }

  @Test
  void liveEvents_needAToken_andAreTheParticipantsOnly() {
    try (EventStream none = EventStream.openAs(null, alicesThread)) {
      assertThat(none.status).isEqualTo(401);
    }
    try (EventStream stranger = EventStream.openAs(Tokens.customer(BOB), alicesThread)) {
      assertThat(stranger.status).isEqualTo(404);
    }
    try (EventStream participant = EventStream.openAs(Tokens.customer(ALICE), alicesThread)) {
      assertThat(participant.status).isEqualTo(200);
    }
  }

  @Test
  void presence_isSetOnlyForOneself_exceptByTheStorefront() {
    assertThat(alice.put("/presence/" + ALICE, json("status", "ONLINE")).status()).isEqualTo(200);
    alice.put("/presence/" + BOB, json("status", "OFFLINE")).problem(403, "forbidden");
    assertThat(Storefront.put("/presence/" + BOB, json("status", "AWAY")).status()).isEqualTo(200);
  }

  @Test
  void agentAvailability_isForAnyCaller() {
    assertThat(alice.get("/agents/availability?agent_id=agent_1").status()).isEqualTo(200);
    assertThat(
            Storefront.as(Tokens.agent("agent_2"))
                .get("/agents/availability?agent_id=agent_1")
                .status())
        .isEqualTo(200);
  }

  @Test
  void notifications_areOnesOwn() {
    assertThat(alice.get("/users/" + ALICE + "/notifications").status()).isEqualTo(200);
    alice.get("/users/" + BOB + "/notifications").problem(403, "forbidden");
    alice.post("/users/" + BOB + "/notifications/ntf_1/read", "{}").problem(403, "forbidden");
  }

  @Test
  void createThread_makesTheCallerItsCreator_andOnlyTheStorefrontNamesAnother() {
    Reply created =
        Storefront.as(Tokens.agent("agent_7"))
            .post("/threads", json("title", "Returns policy", "participants", List.of(ALICE)));

    assertThat(created.status()).as(created.body()).isEqualTo(201);
    assertThat(created.json().getString("creator_id")).isEqualTo("agent_7");
    assertThat(created.header("Location"))
        .hasValueSatisfying(l -> l.endsWith(created.json().getString("thread_id")));
    alice.post("/threads", json("user_id", BOB, "title", "x")).problem(403, "forbidden");
    assertThat(
            Storefront.post("/threads", json("user_id", BOB, "title", "Hi Bob"))
                .json()
                .getString("creator_id"))
        .isEqualTo(BOB);
  }

  @Test
  void aUsersThreads_areListedNewestActivityFirst_forThemselvesOnly() {
    String second =
        alice.post("/support-threads", json("order_id", "order_a2")).json().getString("thread_id");
    alice.post("/threads/" + alicesThread + "/messages", json("content", "bump"));

    Reply page = alice.get("/users/" + ALICE + "/threads?page_size=10");

    assertThat(page.status()).as(page.body()).isEqualTo(200);
    assertThat(
            page.json().getJsonArray("threads").stream()
                .map(thread -> thread.asJsonObject().getString("thread_id"))
                .toList())
        .containsExactly(alicesThread, second);
    bob.get("/users/" + ALICE + "/threads").problem(403, "forbidden");
  }
}
