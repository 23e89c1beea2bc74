package com.shopsuite.midimo.it.browser;

import static com.shopsuite.midimo.it.rest.Storefront.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.shopsuite.midimo.it.Deployments;
import com.shopsuite.midimo.it.Emulator;
import com.shopsuite.midimo.it.RunningSystem;
import com.shopsuite.midimo.it.rest.Storefront;
import com.shopsuite.midimo.it.rest.Tokens;
import com.shopsuite.orders.OrderEventMessage;
import com.shopsuite.orders.OrderEventPublisher;
import jakarta.json.JsonObject;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

/**
 * The support chat as people use it, in a real browser: the customer's widget on a shop page and
 * the agent console, served by the application, against the running server and emulator. Each
 * view's screenshot is written under target/screenshots.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ChatPagesIT {

  static final String AGENT = "agent_1";

  @Deployment(testable = false)
  static EnterpriseArchive deployment() {
    return Deployments.applicationConfiguredWith(
        "support-roster", "midimo.chat.support.agents=" + AGENT);
  }

  private final List<Browser> browsers = new java.util.ArrayList<>();

  @BeforeEach
  void emptyMidimoChat() {
    Emulator.reset();
  }

  @AfterEach
  void closeBrowsers() {
    Emulator.clearFaults();
    browsers.forEach(Browser::close);
  }

  @Test
  void aCustomerAndAnAgent_chatBothWays_andSeeEachOtherTyping() {
    agentOnline();
    Browser customer = widget(Browser.open("customer"), "cust_anna", "order_kettle");
    customer.find(".mc-status[data-state='live']");
    customer.untilText(".mc-availability", "An agent is available");
    Browser agent = console(Browser.open("agent"));
    agent.find("#my-threads li[data-thread-id] button.open-thread").click();
    agent.find("#status[data-state='live']");

    type(agent, "#reply", "Hello Anna, ");
    customer.untilText(".mc-typing", AGENT + " is typing");
    type(agent, "#reply", "your kettle ships today." + Keys.ENTER);
    customer.untilText("li.mc-message.mc-theirs", "your kettle ships today.");
    customer.until(d -> customer.find(".mc-typing").getAttribute("hidden") != null);

    type(customer, ".mc-input", "Thank you");
    agent.untilText("#typing", "cust_anna is typing");
    customer.find("button.mc-send").click();
    agent.untilText("li.message.theirs", "Thank you");
    customer.untilText("li.mc-message.mc-mine[data-message-id]", "Thank you");

    customer.screenshot("widget-chatting");
    agent.screenshot("console-chatting");
    assertThat(customer.consoleErrors()).isEmpty();
    assertThat(agent.consoleErrors()).isEmpty();
  }

  @Test
  void aDoubleClickedSend_postsOneMessage() {
    Browser customer = widget(Browser.open("customer"), "cust_ben", "order_lamp");
    customer.find(".mc-status[data-state='live']");

    type(customer, ".mc-input", "Is the lamp dimmable?");
    new Actions(customer.driver()).doubleClick(customer.find("button.mc-send")).perform();

    customer.untilText("li.mc-message.mc-mine[data-message-id]", "Is the lamp dimmable?");
    assertThat(customer.count("li.mc-message", "Is the lamp dimmable?")).isOne();
    assertThat(messagesPosted(threadOf("cust_ben", "order_lamp"), "Is the lamp dimmable?")).isOne();
  }

  @Test
  void anOrderEventPublishedOnTheQueue_appearsInTheOpenWidget_asAnOrderUpdate() {
    Browser customer = widget(Browser.open("customer"), "cust_cleo", "order_sofa");
    customer.find(".mc-status[data-state='live']");

    try (OrderEventPublisher publisher =
        OrderEventPublisher.connect(
            "localhost",
            Storefront.SERVER.getPort(),
            RunningSystem.ORDER_PUBLISHER,
            RunningSystem.orderPublisherPassword())) {
      publisher.publish(
          OrderEventMessage.of("order_sofa", "cust_cleo", "Shipped", "Your sofa is on its way"));
    }

    WebElement update = customer.untilText("li.mc-message.mc-order-update", "Shipped");
    assertThat(update.getText()).contains("order_sofa").contains("Your sofa is on its way");
    customer.screenshot("widget-order-update");
  }

  @Test
  void anOutageOfMidimoChat_showsTheUnavailableState_andAfterItEveryMessageOnce() {
    Browser customer = widget(Browser.open("customer"), "cust_dan", "order_desk");
    customer.find(".mc-status[data-state='live']");

    Emulator.outage(true);
    type(customer, ".mc-input", "Sent while you were down" + Keys.ENTER);
    customer.untilText(".mc-status[data-state='unavailable']", "Chat is unavailable, retrying");
    customer.find("li.mc-message.mc-pending");
    customer.screenshot("widget-unavailable");
    Emulator.outage(false);

    customer.find(".mc-status[data-state='live']");
    customer.untilText("li.mc-message.mc-mine[data-message-id]", "Sent while you were down");
    String threadId = threadOf("cust_dan", "order_desk");
    Storefront.as(Tokens.storefront())
        .post(
            "/threads/" + threadId + "/order-updates",
            json(
                "order_id",
                "order_desk",
                "status",
                "Packed",
                "message",
                "Packed after the outage"));
    customer.untilText("li.mc-message.mc-order-update", "Packed after the outage");
    assertThat(customer.count("li.mc-message", "Sent while you were down")).isOne();
    assertThat(messagesPosted(threadId, "Sent while you were down")).isOne();
    assertThat(customer.all("li.mc-message.mc-pending")).isEmpty();
  }

  @Test
  void aCustomersWidget_neverShowsAnotherCustomersThread() {
    Browser anna = widget(Browser.open("anna"), "cust_anna", "order_shared");
    anna.find(".mc-status[data-state='live']");
    type(anna, ".mc-input", "Anna's private question" + Keys.ENTER);
    anna.untilText("li.mc-message.mc-mine[data-message-id]", "Anna's private question");

    Browser bob = widget(Browser.phone("bob"), "cust_bob", "order_shared");
    bob.find(".mc-status[data-state='live']");
    type(bob, ".mc-input", "Bob's question" + Keys.ENTER);
    bob.untilText("li.mc-message.mc-mine[data-message-id]", "Bob's question");
    Browser bobsList = threadList(Browser.phone("bob-list"), "cust_bob");

    assertThat(bob.count("li.mc-message", "Anna")).isZero();
    assertThat(anna.count("li.mc-message", "Bob")).isZero();
    assertThat(bobsList.all("button.mc-thread"))
        .extracting(button -> button.getAttribute("data-thread-id"))
        .containsExactly(threadOf("cust_bob", "order_shared"));
    assertThat(bob.find(".mc-panel").getSize().getWidth())
        .as("on a phone the chat takes the whole screen")
        .isEqualTo(390);
    bob.screenshot("widget-phone");
    bobsList.screenshot("widget-phone-thread-list");
  }

  /** The demo shop page with the widget, as the customer, on the support thread of an order. */
  private Browser widget(Browser browser, String customerId, String orderId) {
    browsers.add(browser);
    browser.go(
        pages() + "/demo/shop.html#order=" + orderId + "&token=" + Tokens.customer(customerId));
    return browser;
  }

  /** The widget without an order: the customer's threads to choose from. */
  private Browser threadList(Browser browser, String customerId) {
    browsers.add(browser);
    browser.go(pages() + "/demo/shop.html#order=&token=" + Tokens.customer(customerId));
    browser.find("button.mc-thread");
    return browser;
  }

  private Browser console(Browser browser) {
    browsers.add(browser);
    browser.go(pages() + "/agent/#token=" + Tokens.agent(AGENT));
    browser.find("#agent-console");
    return browser;
  }

  private static String pages() {
    return Storefront.SERVER.resolve("/chat").toString();
  }

  private static void type(Browser browser, String css, String text) {
    browser.find(css).sendKeys(text);
  }

  private static void agentOnline() {
    Storefront.as(Tokens.agent(AGENT))
        .put(
            "/presence/" + AGENT,
            json("status", "ONLINE", "custom_status", "since " + System.nanoTime()));
  }

  private static String threadOf(String customerId, String orderId) {
    return Storefront.post("/support-threads", json("customer_id", customerId, "order_id", orderId))
        .json()
        .getString("thread_id");
  }

  private static long messagesPosted(String threadId, String content) {
    return Storefront.get("/threads/" + threadId + "/messages?limit=200")
        .json()
        .getJsonArray("messages")
        .getValuesAs(JsonObject.class)
        .stream()
        .filter(message -> message.getString("content").equals(content))
        .count();
  }
}
