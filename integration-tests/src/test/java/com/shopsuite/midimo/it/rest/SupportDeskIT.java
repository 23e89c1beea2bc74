package com.shopsuite.midimo.it.rest;

import static com.shopsuite.midimo.it.rest.Storefront.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.shopsuite.midimo.it.Deployments;
import com.shopsuite.midimo.it.Emulator;
import com.shopsuite.midimo.it.rest.Storefront.Reply;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The support desk: a new support thread reaches an online agent of the roster (the one with the
 * fewest support threads), or waits in a queue every agent sees; of two agents claiming one thread,
 * one wins; the agent who has a thread hands it over; a message tells the other participants.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SupportDeskIT {

  static final List<String> ROSTER = List.of("agent_1", "agent_2", "agent_3");

  @Deployment(testable = false)
  static EnterpriseArchive deployment() {
    return Deployments.applicationConfiguredWith(
        "support-roster", "midimo.chat.support.agents=" + String.join(",", ROSTER));
  }

  private final Storefront.Caller agent1 = Storefront.as(Tokens.agent("agent_1"));
  private final Storefront.Caller agent2 = Storefront.as(Tokens.agent("agent_2"));
  private final Storefront.Caller agent3 = Storefront.as(Tokens.agent("agent_3"));

  @BeforeEach
  void everyoneOffline() {
    Emulator.reset();
  }

  @Test
  void aNewSupportThread_goesToAnOnlineAgent_theOneWithTheFewestSupportThreads() {
    online(agent1, "agent_1");
    online(agent2, "agent_2");

    JsonObject first = supportThread("cust_a", "order_a");
    JsonObject second = supportThread("cust_b", "order_b");
    JsonObject third = supportThread("cust_c", "order_c");

    assertThat(agentOf(first)).isEqualTo("agent_1");
    assertThat(agentOf(second)).as("agent_1 has one already").isEqualTo("agent_2");
    assertThat(agentOf(third)).as("one each: the roster's order decides").isEqualTo("agent_1");
    assertThat(participants(first)).contains("cust_a", "agent_1").doesNotContain("agent_2");
    assertThat(first.getJsonObject("metadata").getString("assignment")).isEqualTo("assigned");
    assertThat(threadIds(agent1.get("/users/agent_1/threads").json()))
        .containsExactlyInAnyOrder(first.getString("thread_id"), third.getString("thread_id"));
    assertThat(agent3.get("/threads/" + first.getString("thread_id")).status())
        .as("an agent the thread is not with does not see it")
        .isEqualTo(404);
  }

  @Test
  void withNobodyOnline_aSupportThreadWaits_everyAgentSeesIt_andOneOfTwoClaimsWins()
      throws Exception {
    JsonObject waiting = supportThread("cust_a", "order_a");
    String threadId = waiting.getString("thread_id");
    assertThat(participants(waiting)).doesNotContainAnyElementsOf(ROSTER);
    assertThat(waiting.getJsonObject("metadata").getString("assignment")).isEqualTo("waiting");
    assertThat(threadIds(agent2.get("/support-threads/unassigned").json()))
        .containsExactly(threadId);
    assertThat(agent1.get("/threads/" + threadId + "/messages").status())
        .as("not readable before it is claimed")
        .isEqualTo(404);

    List<Reply> claims = race(agent1, agent2, "/support-threads/" + threadId + "/claim");

    assertThat(claims).extracting(Reply::status).containsExactlyInAnyOrder(200, 409);
    Reply won = claims.get(0).status() == 200 ? claims.get(0) : claims.get(1);
    Reply lost = claims.get(0).status() == 200 ? claims.get(1) : claims.get(0);
    assertThat(lost.problem(409, "conflict").getString("detail")).contains("another agent");
    String winner = agentOf(won.json());
    Storefront.Caller winning = winner.equals("agent_1") ? agent1 : agent2;
    Storefront.Caller losing = winner.equals("agent_1") ? agent2 : agent1;
    assertThat(participants(won.json())).contains(winner);
    assertThat(winning.get("/threads/" + threadId + "/messages").status()).isEqualTo(200);
    assertThat(losing.get("/threads/" + threadId + "/messages").status()).isEqualTo(404);
    assertThat(threadIds(agent3.get("/support-threads/unassigned").json())).isEmpty();
    assertThat(winning.post("/support-threads/" + threadId + "/claim", "").status())
        .as("claiming again what one has is a harmless retry")
        .isEqualTo(200);
  }

  @Test
  void theQueueAndClaims_areForAgents_andAThreadThatIsNotASupportThreadCannotBeClaimed() {
    String threadId = supportThread("cust_a", "order_a").getString("thread_id");
    Storefront.Caller customer = Storefront.as(Tokens.customer("cust_a"));
    String other =
        agent1
            .post("/threads", json("title", "Team chat", "participants", List.of("agent_2")))
            .json()
            .getString("thread_id");

    customer.get("/support-threads/unassigned").problem(403, "forbidden");
    customer.post("/support-threads/" + threadId + "/claim", "").problem(403, "forbidden");
    agent3.post("/support-threads/" + other + "/claim", "").problem(404, "not-found");
    agent3.post("/support-threads/thr_nope/claim", "").problem(404, "not-found");
    assertThat(Storefront.get("/support-threads/unassigned").status())
        .as("the storefront's backend may watch the queue")
        .isEqualTo(200);
  }

  @Test
  void theAgentWhoHasAThread_handsItOver_andOnlyThatAgent() {
    online(agent1, "agent_1");
    String threadId = supportThread("cust_a", "order_a").getString("thread_id");

    Reply handed =
        agent1.post("/support-threads/" + threadId + "/handoff", json("agent_id", "agent_2"));

    assertThat(handed.status()).as(handed.body()).isEqualTo(200);
    assertThat(agentOf(handed.json())).isEqualTo("agent_2");
    assertThat(participants(handed.json())).contains("agent_1", "agent_2");
    assertThat(
            agent2
                .post("/threads/" + threadId + "/messages", json("content", "Hi, I'm taking over"))
                .status())
        .isEqualTo(201);
    assertThat(
            agent1
                .post("/support-threads/" + threadId + "/handoff", json("agent_id", "agent_3"))
                .problem(409, "conflict")
                .getString("detail"))
        .contains("with another agent");
    agent3
        .post("/support-threads/" + threadId + "/handoff", json("agent_id", "agent_3"))
        .problem(404, "not-found");
    agent2
        .post("/support-threads/" + threadId + "/handoff", json("agent_id", ""))
        .problem(400, "validation");
    assertThat(
            agentOf(
                Storefront.post(
                        "/support-threads/" + threadId + "/handoff", json("agent_id", "agent_3"))
                    .json()))
        .as("the storefront hands over from whoever has it")
        .isEqualTo("agent_3");
  }

  @Test
  void aMessage_notifiesTheOtherParticipants_once_neitherTheSenderNorTheSystemUser() {
    online(agent1, "agent_1");
    String threadId = supportThread("cust_a", "order_a").getString("thread_id");
    Storefront.Caller customer = Storefront.as(Tokens.customer("cust_a"));

    for (int attempt = 0; attempt < 2; attempt++) {
      assertThat(
              customer
                  .post(
                      "/threads/" + threadId + "/messages",
                      json("content", "Where is my kettle?"),
                      "Idempotency-Key",
                      "kettle-1")
                  .status())
          .isEqualTo(201);
    }

    List<JsonObject> agents = unread(agent1, "agent_1");
    assertThat(agents).hasSize(1);
    assertThat(agents.get(0).getString("category")).isEqualTo("CHAT_MESSAGE");
    assertThat(agents.get(0).getJsonObject("data").getString("thread_id")).isEqualTo(threadId);
    assertThat(agents.get(0).getString("body")).isEqualTo("Where is my kettle?");
    assertThat(unread(customer, "cust_a")).as("not the sender").isEmpty();
    assertThat(unread(Storefront.as(Tokens.storefront()), "ecommerce-system")).isEmpty();
  }

  @Test
  void availabilityWithoutAgentIds_isTheRosters_inItsOrder() {
    online(agent2, "agent_2");

    JsonObject answer = agent1.get("/agents/availability").json();

    assertThat(
            answer.getJsonArray("agents").getValuesAs(JsonObject.class).stream()
                .map(a -> a.getString("agent_id") + "=" + a.getBoolean("available"))
                .toList())
        .containsExactly("agent_1=false", "agent_2=true", "agent_3=false");
  }

  /**
   * Online, with a status text of its own: the node does not send the same presence again within a
   * few seconds, and the emulator forgot the last test's.
   */
  private static void online(Storefront.Caller agent, String id) {
    JsonObject presence = json("status", "ONLINE", "custom_status", "since " + System.nanoTime());
    assertThat(agent.put("/presence/" + id, presence).status()).isEqualTo(200);
  }

  private static JsonObject supportThread(String customerId, String orderId) {
    Reply created =
        Storefront.as(Tokens.customer(customerId))
            .post("/support-threads", json("order_id", orderId));
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    return created.json();
  }

  private static String agentOf(JsonObject thread) {
    return thread.getJsonObject("metadata").getString("assigned_agent", null);
  }

  private static List<String> participants(JsonObject thread) {
    return thread.getJsonArray("participants").getValuesAs(JsonString.class).stream()
        .map(JsonString::getString)
        .toList();
  }

  private static List<String> threadIds(JsonObject page) {
    return page.getJsonArray("threads").getValuesAs(JsonObject.class).stream()
        .map(thread -> thread.getString("thread_id"))
        .toList();
  }

  private static List<JsonObject> unread(Storefront.Caller caller, String userId) {
    return caller
        .get("/users/" + userId + "/notifications?unread_only=true")
        .json()
        .getJsonArray("notifications")
        .getValuesAs(JsonObject.class);
  }

  /** The same request by two callers, released together. */
  private static List<Reply> race(Storefront.Caller one, Storefront.Caller two, String path)
      throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      CountDownLatch start = new CountDownLatch(1);
      CompletableFuture<Reply> first =
          CompletableFuture.supplyAsync(() -> released(start, () -> one.post(path, "")), pool);
      CompletableFuture<Reply> second =
          CompletableFuture.supplyAsync(() -> released(start, () -> two.post(path, "")), pool);
      start.countDown();
      return List.of(first.get(30, TimeUnit.SECONDS), second.get(30, TimeUnit.SECONDS));
    } finally {
      pool.shutdownNow();
    }
  }

  private static Reply released(CountDownLatch start, java.util.function.Supplier<Reply> call) {
    try {
      start.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
    return call.get();
  }
}
