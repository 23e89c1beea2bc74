package com.shopsuite.midimo.chat;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MessagePageTest {

  private static ChatMessage message(String id) {
    return new ChatMessage(id, "t1", "u1", "hi", List.of(), Map.of(), Instant.EPOCH);
  }

  @Test
  void nextBeforeId_isTheOldestMessageOfThePage_whenOlderOnesExist() {
    MessagePage page = new MessagePage(List.of(message("m1"), message("m2")), true);
    assertThat(page.nextBeforeId()).contains("m1");
  }

  @Test
  void nextBeforeId_isEmpty_onTheLastPage() {
    assertThat(new MessagePage(List.of(message("m1")), false).nextBeforeId()).isEmpty();
    assertThat(new MessagePage(List.of(), false).nextBeforeId()).isEmpty();
  }
}
