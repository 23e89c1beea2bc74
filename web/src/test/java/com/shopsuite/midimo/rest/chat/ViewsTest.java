package com.shopsuite.midimo.rest.chat;

import static org.assertj.core.api.Assertions.assertThat;

import com.shopsuite.midimo.chat.ChatMessage;
import com.shopsuite.midimo.chat.ChatThread;
import com.shopsuite.midimo.chat.MessagePage;
import com.shopsuite.midimo.chat.ThreadEvent.TypingChanged;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ViewsTest {

  private static final Instant CREATED = Instant.parse("2025-01-15T09:30:00Z");
  private static final Instant UPDATED = Instant.parse("2025-01-15T09:42:10Z");

  @Test
  void threadView_carriesEveryFieldOfTheThread() {
    ChatThread thread =
        new ChatThread(
            "th_1",
            "Order o1 support",
            "cust_1",
            List.of("cust_1", "ecommerce-system"),
            Map.of("order_id", "o1"),
            CREATED,
            UPDATED);

    assertThat(ThreadView.of(thread))
        .isEqualTo(
            new ThreadView(
                "th_1",
                "Order o1 support",
                CREATED,
                UPDATED,
                "cust_1",
                List.of("cust_1", "ecommerce-system"),
                Map.of("order_id", "o1")));
  }

  @Test
  void messageView_carriesEveryFieldOfTheMessage() {
    assertThat(MessageView.of(message("m1")))
        .isEqualTo(
            new MessageView(
                "m1", "th_1", "cust_1", "hello", List.of("att_1"), Map.of("k", "v"), CREATED));
  }

  @Test
  void messagePageView_pointsAtTheNextOlderPage_whenThereIsOne() {
    MessagePage page = new MessagePage(List.of(message("m7"), message("m8")), true);

    MessagePageView view = MessagePageView.of(page);

    assertThat(view.messages()).extracting(MessageView::messageId).containsExactly("m7", "m8");
    assertThat(view.hasMore()).isTrue();
    assertThat(view.nextBeforeId()).isEqualTo("m7");
  }

  @Test
  void messagePageView_hasNoNextPage_atTheOldestMessages() {
    MessagePageView view = MessagePageView.of(new MessagePage(List.of(message("m1")), false));

    assertThat(view.hasMore()).isFalse();
    assertThat(view.nextBeforeId()).isNull();
  }

  @Test
  void typingView_carriesWhoAndUntilWhen() {
    TypingChanged typing = new TypingChanged("th_1", CREATED, "agent_7", true, UPDATED);

    assertThat(TypingView.of(typing)).isEqualTo(new TypingView("agent_7", true, UPDATED));
  }

  static ChatMessage message(String id) {
    return new ChatMessage(
        id, "th_1", "cust_1", "hello", List.of("att_1"), Map.of("k", "v"), CREATED);
  }
}
