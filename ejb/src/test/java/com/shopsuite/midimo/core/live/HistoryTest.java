package com.shopsuite.midimo.core.live;

import static org.assertj.core.api.Assertions.assertThat;

import com.shopsuite.midimo.chat.ChatMessage;
import com.shopsuite.midimo.chat.MessagePage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class HistoryTest {

  private static final Instant T0 = Instant.parse("2026-12-07T10:00:00Z");

  /** A thread's messages m1..mN, a second apart, paged as Midimo Chat pages them. */
  static final class Thread implements History.Pages {
    final List<ChatMessage> messages = new ArrayList<>();
    int pagesRead;

    Thread(int count) {
      IntStream.rangeClosed(1, count).forEach(i -> add("m" + i));
    }

    void add(String id) {
      messages.add(
          new ChatMessage(
              id, "th", "u", id, List.of(), Map.of(), T0.plusSeconds(messages.size() + 1)));
    }

    @Override
    public MessagePage page(String threadId, int limit, String before) {
      pagesRead++;
      int end = messages.size();
      if (before != null) {
        end = messages.stream().map(ChatMessage::id).toList().indexOf(before);
      }
      int start = Math.max(0, end - limit);
      return new MessagePage(List.copyOf(messages.subList(start, end)), start > 0);
    }
  }

  private static List<String> ids(History.Missed missed) {
    return missed.messages().stream().map(ChatMessage::id).toList();
  }

  @Test
  void sinceAMessage_isEverythingAfterIt_oldestFirst_acrossPages() {
    Thread thread = new Thread(450);

    History.Missed missed = History.since(thread, "th", "m100", null, 10);

    assertThat(missed.complete()).isTrue();
    assertThat(ids(missed)).hasSize(350).startsWith("m101", "m102").endsWith("m450");
    assertThat(thread.pagesRead).isEqualTo(2);
  }

  @Test
  void sinceTheLastMessage_isNothing_afterOnePage() {
    Thread thread = new Thread(30);

    History.Missed missed = History.since(thread, "th", "m30", null, 10);

    assertThat(missed.complete()).isTrue();
    assertThat(missed.messages()).isEmpty();
    assertThat(thread.pagesRead).isOne();
  }

  @Test
  void moreMissedThanThePagesHold_isIncomplete() {
    Thread thread = new Thread(700);

    History.Missed missed = History.since(thread, "th", "m1", null, 3);

    assertThat(missed.complete()).isFalse();
    assertThat(ids(missed)).hasSize(600).endsWith("m700");
  }

  @Test
  void anIdTheThreadDoesNotHave_isIncomplete() {
    History.Missed missed = History.since(new Thread(20), "th", "elsewhere", null, 10);

    assertThat(missed.complete()).isFalse();
  }

  @Test
  void sinceAnInstant_isWhatWasCreatedAfterIt() {
    Thread thread = new Thread(10);

    History.Missed missed = History.since(thread, "th", null, T0.plusSeconds(7), 10);

    assertThat(missed.complete()).isTrue();
    assertThat(ids(missed)).containsExactly("m8", "m9", "m10");
  }
}
