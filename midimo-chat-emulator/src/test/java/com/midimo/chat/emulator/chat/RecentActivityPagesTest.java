package com.midimo.chat.emulator.chat;

import static com.midimo.chat.emulator.GrpcAssertions.assertFails;
import static com.midimo.chat.emulator.chat.EmulatedChatServiceTest.addition;
import static com.midimo.chat.emulator.chat.EmulatedChatServiceTest.message;
import static com.midimo.chat.emulator.chat.EmulatedChatServiceTest.threadRequest;
import static org.assertj.core.api.Assertions.assertThat;

import com.midimo.chat.emulator.InProcessEmulator;
import com.midimo.chat.emulator.TestClock;
import com.midimo.chat.v1.ChatServiceGrpc.ChatServiceBlockingStub;
import com.midimo.chat.v1.FindThreadsRequest;
import com.midimo.chat.v1.FindThreadsResponse;
import com.midimo.chat.v1.GetThreadRequest;
import com.midimo.chat.v1.Thread;
import com.midimo.chat.v1.ThreadOrder;
import io.grpc.Status.Code;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** FindThreads with THREAD_ORDER_RECENT_ACTIVITY, on a clock the test moves. */
class RecentActivityPagesTest {
  private final TestClock clock = new TestClock(Instant.parse("2026-11-23T10:00:00Z"));
  private InProcessEmulator emulator;
  private ChatServiceBlockingStub chat;

  @BeforeEach
  void startEmulator() {
    emulator = InProcessEmulator.start(config -> config.clock(clock));
    chat = emulator.chat();
  }

  @AfterEach
  void stopEmulator() throws InterruptedException {
    emulator.close();
  }

  @Test
  void page_putsTheMostRecentlyUpdatedFirstAndOfEqualTimesTheNewestThread() {
    Thread first = create();
    clock.advance(Duration.ofSeconds(1));
    Thread second = create();
    clock.advance(Duration.ofSeconds(1));
    Thread third = create();
    Thread fourth = create();
    clock.advance(Duration.ofSeconds(1));
    chat.sendMessage(message(first, "customer_1", "still there?").build());

    assertThat(ids(find(ThreadOrder.THREAD_ORDER_RECENT_ACTIVITY, 50, "")))
        .containsExactly(idsOf(first, fourth, third, second));
    assertThat(ids(find(ThreadOrder.THREAD_ORDER_UNSPECIFIED, 50, "")))
        .containsExactly(idsOf(first, second, third, fourth));
    assertThat(ids(find(ThreadOrder.THREAD_ORDER_OLDEST_FIRST, 50, "")))
        .containsExactly(idsOf(first, second, third, fourth));
  }

  @Test
  void page_movesAThreadUpWhenParticipantsAreAddedButNotWhenNobodyIsNew() {
    Thread first = create();
    clock.advance(Duration.ofSeconds(1));
    Thread second = create();
    clock.advance(Duration.ofSeconds(1));

    chat.addParticipants(addition(second, "customer_1").build());
    assertThat(ids(recent(""))).as("nobody new").containsExactly(idsOf(second, first));

    Thread added = chat.addParticipants(addition(first, "agent_2").build());
    assertThat(added.getUpdatedAt()).isNotEqualTo(first.getUpdatedAt());
    assertThat(ids(recent(""))).containsExactly(idsOf(first, second));
  }

  @Test
  void page_pagesWithoutRepeatingOrSkippingWhileThreadsMoveUp() {
    List<Thread> threads = new ArrayList<>();
    for (int i = 0; i < 7; i++) {
      threads.add(create());
      clock.advance(Duration.ofSeconds(1));
    }
    // Newest first: 6 5 | 4 3 | 2 1 | 0

    FindThreadsResponse page = recent("");
    List<Thread> read = new ArrayList<>(page.getThreadsList());
    // One already read and one not yet read become the most recent: the second jumps past the
    // cursor and is not met again in this pass; the others still come, each once.
    chat.sendMessage(message(threads.get(6), "customer_1", "again").build());
    clock.advance(Duration.ofSeconds(1));
    chat.sendMessage(message(threads.get(1), "customer_1", "moved").build());
    int pages = 1;
    while (!page.getNextPageToken().isEmpty()) {
      page = recent(page.getNextPageToken());
      assertThat(page.getThreadsCount()).isLessThanOrEqualTo(2);
      read.addAll(page.getThreadsList());
      pages++;
    }

    assertThat(ids(read))
        .containsExactly(
            idsOf(
                threads.get(6),
                threads.get(5),
                threads.get(4),
                threads.get(3),
                threads.get(2),
                threads.get(0)));
    assertThat(pages).isEqualTo(3);
    assertThat(ids(recent(""))).containsExactly(idsOf(threads.get(1), threads.get(6)));
  }

  @Test
  void page_returnsEachThreadWithTheUpdatedAtItWasOrderedBy() {
    Thread thread = create();
    clock.advance(Duration.ofSeconds(1));
    chat.sendMessage(message(thread, "customer_1", "hello").build());

    Thread found = recent("").getThreads(0);

    assertThat(found)
        .isEqualTo(
            chat.getThread(GetThreadRequest.newBuilder().setThreadId(thread.getId()).build()));
    assertThat(found.getUpdatedAt().getSeconds()).isEqualTo(clock.instant().getEpochSecond());
  }

  @Test
  void find_acceptsPageTokensOnlyForTheOrderThatIssuedThem() {
    for (int i = 0; i < 3; i++) {
      create();
    }
    String recentToken = recent("").getNextPageToken();
    String oldestToken = find(ThreadOrder.THREAD_ORDER_UNSPECIFIED, 2, "").getNextPageToken();

    assertFails(
        () -> find(ThreadOrder.THREAD_ORDER_UNSPECIFIED, 2, recentToken),
        Code.INVALID_ARGUMENT,
        "page_token is not one this rpc issued for this query");
    assertFails(
        () -> find(ThreadOrder.THREAD_ORDER_RECENT_ACTIVITY, 2, oldestToken),
        Code.INVALID_ARGUMENT,
        "page_token is not one this rpc issued for this query");
    // Oldest first by name is the default order: the same query.
    assertThat(find(ThreadOrder.THREAD_ORDER_OLDEST_FIRST, 2, oldestToken).getThreadsCount())
        .isEqualTo(1);
    assertThat(find(ThreadOrder.THREAD_ORDER_RECENT_ACTIVITY, 2, recentToken).getThreadsCount())
        .isEqualTo(1);
  }

  @Test
  void find_rejectsAnOrderItDoesNotKnow() {
    assertFails(
        () ->
            chat.findThreads(
                FindThreadsRequest.newBuilder()
                    .setParticipant("customer_1")
                    .setOrderValue(7)
                    .build()),
        Code.INVALID_ARGUMENT,
        "order 7 is not a ThreadOrder");
  }

  private Thread create() {
    return chat.createThread(threadRequest("customer_1").build());
  }

  private FindThreadsResponse recent(String pageToken) {
    return find(ThreadOrder.THREAD_ORDER_RECENT_ACTIVITY, 2, pageToken);
  }

  private FindThreadsResponse find(ThreadOrder order, int pageSize, String pageToken) {
    return chat.findThreads(
        FindThreadsRequest.newBuilder()
            .setParticipant("customer_1")
            .setOrder(order)
            .setPageSize(pageSize)
            .setPageToken(pageToken)
            .build());
  }

  private static List<String> ids(FindThreadsResponse page) {
    return ids(page.getThreadsList());
  }

  private static List<String> ids(List<Thread> threads) {
    return threads.stream().map(Thread::getId).toList();
  }

  private static String[] idsOf(Thread... threads) {
    return ids(List.of(threads)).toArray(String[]::new);
  }
}
