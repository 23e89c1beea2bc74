package com.shopsuite.midimo.core.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import org.junit.jupiter.api.Test;

class SupportThreadsTest {

  @Test
  void idempotencyKey_isTheSameForTheSameCustomerAndOrder_onEveryNode() {
    assertThat(SupportThreads.idempotencyKey("customer_123", "order_456"))
        .isEqualTo(SupportThreads.idempotencyKey("customer_123", "order_456"))
        .startsWith("support-thread-")
        .hasSizeLessThanOrEqualTo(128)
        .doesNotContain("customer_123")
        .doesNotContain("order_456");
  }

  @Test
  void idempotencyKey_differsWhenCustomerOrOrderDiffer_evenIfTheirConcatenationsMatch() {
    assertThat(SupportThreads.idempotencyKey("c1", "o2"))
        .isNotEqualTo(SupportThreads.idempotencyKey("c2", "o2"))
        .isNotEqualTo(SupportThreads.idempotencyKey("c1", "o3"));
    assertThat(SupportThreads.idempotencyKey("ab", "c"))
        .isNotEqualTo(SupportThreads.idempotencyKey("a", "bc"));
  }

  @Test
  void metadata_carriesTheGuidesPairs_andTheProductOnlyWhenGiven() {
    assertThat(SupportThreads.metadata("c1", "o1", "p1", null))
        .containsEntry("source", "e_commerce")
        .containsEntry("type", "support")
        .containsEntry("order_id", "o1")
        .containsEntry("customer_id", "c1")
        .containsEntry("product_id", "p1");
    assertThat(SupportThreads.metadata("c1", "o1", null, null)).doesNotContainKey("product_id");
    assertThat(SupportThreads.title("o1", null)).isEqualTo("Order o1 support");
    assertThat(SupportThreads.title("o1", "p1")).isEqualTo("Order o1 support: product p1");
  }

  @Test
  void metadata_saysWhetherTheThreadWaitsOrIsWithAnAgent() {
    assertThat(SupportThreads.metadata("c1", "o1", null, null))
        .containsEntry("assignment", "waiting")
        .doesNotContainKey("assigned_agent");
    assertThat(SupportThreads.metadata("c1", "o1", null, "agent_1"))
        .containsEntry("assignment", "assigned")
        .containsEntry("assigned_agent", "agent_1");
    assertThat(SupportThreads.waitingQuery())
        .containsOnly(entry("type", "support"), entry("assignment", "waiting"));
  }

  @Test
  void title_fitsMidimoChatsLimit_forTheLongestIds_keepingAsMuchOfEachAsFits() {
    String order = "o".repeat(128);
    String product = "p".repeat(128);

    String title = SupportThreads.title(order, product);
    assertThat(title).hasSize(200).startsWith("Order oooo").contains(" support: product pppp");
    assertThat(title.chars().filter(c -> c == '\u2026').count()).isEqualTo(2);

    String shorterOrder = SupportThreads.title("o".repeat(60), product);
    assertThat(shorterOrder)
        .as("the product takes the room the order does not need")
        .hasSize(200)
        .startsWith("Order " + "o".repeat(60) + " support: product " + "p".repeat(115) + "\u2026");

    assertThat(SupportThreads.title(order, null)).isEqualTo("Order " + order + " support");
    assertThat(SupportThreads.title("o".repeat(80), "p".repeat(96)))
        .hasSize(200)
        .doesNotContain("\u2026");
  }

  @Test
  void orderUpdates_readAsTextAndCarryStructuredMetadata() {
    assertThat(OrderUpdates.content("order_456", "Delivered", "Your order was delivered!"))
        .isEqualTo("Order order_456: Delivered. Your order was delivered!");
    assertThat(OrderUpdates.content("order_456", "Shipped", null))
        .isEqualTo("Order order_456: Shipped.");
    assertThat(OrderUpdates.metadata("order_456", "Delivered"))
        .containsEntry("type", "order_update")
        .containsEntry("order_id", "order_456")
        .containsEntry("status", "Delivered");
  }
}
