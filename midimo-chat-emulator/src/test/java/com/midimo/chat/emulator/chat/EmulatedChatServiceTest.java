package com.midimo.chat.emulator.chat;

import static com.midimo.chat.emulator.GrpcAssertions.assertFails;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.util.concurrent.Futures;
import com.google.common.util.concurrent.ListenableFuture;
import com.midimo.chat.emulator.InProcessEmulator;
import com.midimo.chat.emulator.v1.GetStatsRequest;
import com.midimo.chat.v1.AddParticipantsRequest;
import com.midimo.chat.v1.ChatServiceGrpc.ChatServiceBlockingStub;
import com.midimo.chat.v1.CreateThreadRequest;
import com.midimo.chat.v1.FindThreadsRequest;
import com.midimo.chat.v1.FindThreadsResponse;
import com.midimo.chat.v1.GetThreadMessagesRequest;
import com.midimo.chat.v1.GetThreadMessagesResponse;
import com.midimo.chat.v1.GetThreadRequest;
import com.midimo.chat.v1.Message;
import com.midimo.chat.v1.SendMessageRequest;
import com.midimo.chat.v1.Thread;
import com.midimo.chat.v1.UpdateThreadMetadataRequest;
import io.grpc.Status.Code;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class EmulatedChatServiceTest {
  /** Every timestamp is the same millisecond: ids alone must order messages. */
  private static final Clock FROZEN =
      Clock.fixed(Instant.parse("2026-11-23T10:00:00Z"), ZoneOffset.UTC);

  private InProcessEmulator emulator;
  private ChatServiceBlockingStub chat;

  @BeforeEach
  void startEmulator() {
    emulator = InProcessEmulator.start(config -> config.clock(FROZEN));
    chat = emulator.chat();
  }

  @AfterEach
  void stopEmulator() throws InterruptedException {
    emulator.close();
  }

  @Test
  void createThread_addsCreatorFirstAndRemovesDuplicateParticipants() {
    Thread thread =
        chat.createThread(
            CreateThreadRequest.newBuilder()
                .setUserId("customer_1")
                .setTitle("Order order_456")
                .addParticipants("support_1")
                .addParticipants("customer_1")
                .addParticipants("support_1")
                .putMetadata("order_id", "order_456")
                .build());

    assertThat(thread.getId()).isNotEmpty();
    assertThat(thread.getCreatorId()).isEqualTo("customer_1");
    assertThat(thread.getParticipantsList()).containsExactly("customer_1", "support_1");
    assertThat(thread.getMetadataMap()).containsEntry("order_id", "order_456");
    assertThat(thread.getCreatedAt().getSeconds()).isEqualTo(FROZEN.instant().getEpochSecond());
    assertThat(chat.getThread(GetThreadRequest.newBuilder().setThreadId(thread.getId()).build()))
        .isEqualTo(thread);
  }

  @Test
  void createThread_returnsTheFirstThreadForARepeatedRequestId() {
    CreateThreadRequest request = threadRequest("customer_1").setRequestId("req-1").build();

    Thread first = chat.createThread(request);
    Thread again = chat.createThread(request);

    assertThat(again).isEqualTo(first);
    assertThat(stats().getThreads()).isEqualTo(1);
  }

  @Test
  void createThread_concurrentCallsWithOneRequestIdCreateOneThread() throws Exception {
    CreateThreadRequest request = threadRequest("customer_1").setRequestId("req-race").build();
    List<ListenableFuture<Thread>> calls = new ArrayList<>();
    for (int i = 0; i < 32; i++) {
      calls.add(emulator.chatFuture().createThread(request));
    }

    List<Thread> threads = Futures.allAsList(calls).get();

    assertThat(threads.stream().map(Thread::getId).distinct()).hasSize(1);
    assertThat(stats().getThreads()).isEqualTo(1);
  }

  @Test
  void createThread_rejectsAReusedRequestIdWithADifferentPayload() {
    chat.createThread(threadRequest("customer_1").setRequestId("req-1").build());

    assertFails(
        () ->
            chat.createThread(
                threadRequest("customer_1")
                    .setTitle("Another title")
                    .setRequestId("req-1")
                    .build()),
        Code.ALREADY_EXISTS,
        "request_id was already used with a different payload");
  }

  @Test
  void createThread_rejectsFieldsBeyondTheirLimits() {
    assertFails(
        () -> chat.createThread(threadRequest("").build()), Code.INVALID_ARGUMENT, "user_id");
    assertFails(
        () -> chat.createThread(threadRequest("u").setTitle("").build()),
        Code.INVALID_ARGUMENT,
        "title is required");
    assertFails(
        () -> chat.createThread(threadRequest("u").setTitle("t".repeat(201)).build()),
        Code.INVALID_ARGUMENT,
        "title exceeds 200 characters");
    assertFails(
        () -> chat.createThread(threadRequest("u".repeat(129)).build()),
        Code.INVALID_ARGUMENT,
        "user_id exceeds 128 characters");
    assertFails(
        () ->
            chat.createThread(
                threadRequest("u")
                    .addAllParticipants(
                        IntStream.range(0, 100).mapToObj(i -> "p" + i).collect(Collectors.toList()))
                    .build()),
        Code.INVALID_ARGUMENT,
        "participants");
    Map<String, String> tooMany = new HashMap<>();
    IntStream.range(0, 33).forEach(i -> tooMany.put("k" + i, "v"));
    assertFails(
        () -> chat.createThread(threadRequest("u").putAllMetadata(tooMany).build()),
        Code.INVALID_ARGUMENT,
        "metadata holds more than 32 entries");
    assertFails(
        () -> chat.createThread(threadRequest("u").putMetadata("k".repeat(65), "v").build()),
        Code.INVALID_ARGUMENT,
        "metadata key exceeds 64 characters");
    assertFails(
        () -> chat.createThread(threadRequest("u").putMetadata("k", "v".repeat(513)).build()),
        Code.INVALID_ARGUMENT,
        "metadata['k'] exceeds 512 characters");
    assertFails(
        () -> chat.createThread(threadRequest("u").setRequestId("r".repeat(129)).build()),
        Code.INVALID_ARGUMENT,
        "request_id exceeds 128 characters");
  }

  @Test
  void createThread_failsWithResourceExhaustedPastTheCap() throws InterruptedException {
    emulator.close();
    emulator = InProcessEmulator.start(config -> config.maxThreads(2));
    chat = emulator.chat();
    chat.createThread(threadRequest("u").build());
    chat.createThread(threadRequest("u").build());

    assertFails(
        () -> chat.createThread(threadRequest("u").build()),
        Code.RESOURCE_EXHAUSTED,
        "maximum of 2 threads (--max-threads)");
  }

  @Test
  void getThread_failsWithNotFoundForAnUnknownId() {
    assertFails(
        () -> chat.getThread(GetThreadRequest.newBuilder().setThreadId("thr_nope").build()),
        Code.NOT_FOUND,
        "thread 'thr_nope' not found");
  }

  @Test
  void findThreads_returnsThreadsWithEveryMetadataPairAndParticipantOldestFirstInPages() {
    List<String> expected = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      expected.add(
          chat.createThread(
                  threadRequest("customer_1")
                      .addParticipants("support_1")
                      .putMetadata("source", "e_commerce")
                      .putMetadata("order_id", "order_" + (i % 2 == 0 ? "even" : i))
                      .build())
              .getId());
    }
    chat.createThread(threadRequest("customer_2").putMetadata("source", "e_commerce").build());
    chat.createThread(threadRequest("customer_1").putMetadata("source", "other").build());

    List<String> found = new ArrayList<>();
    String token = "";
    int pages = 0;
    do {
      FindThreadsResponse page =
          chat.findThreads(
              FindThreadsRequest.newBuilder()
                  .putMetadata("source", "e_commerce")
                  .setParticipant("customer_1")
                  .setPageSize(2)
                  .setPageToken(token)
                  .build());
      assertThat(page.getThreadsCount()).isLessThanOrEqualTo(2);
      page.getThreadsList().forEach(thread -> found.add(thread.getId()));
      token = page.getNextPageToken();
      pages++;
    } while (!token.isEmpty());

    assertThat(found).containsExactlyElementsOf(expected);
    assertThat(pages).isEqualTo(3);
    FindThreadsResponse evenOrders =
        chat.findThreads(
            FindThreadsRequest.newBuilder()
                .putMetadata("source", "e_commerce")
                .putMetadata("order_id", "order_even")
                .build());
    assertThat(evenOrders.getThreadsList())
        .extracting(Thread::getId)
        .containsExactly(expected.get(0), expected.get(2), expected.get(4));
    assertThat(evenOrders.getNextPageToken()).isEmpty();
  }

  @Test
  void findThreads_requiresAFilterAndItsOwnPageTokens() {
    assertFails(
        () -> chat.findThreads(FindThreadsRequest.getDefaultInstance()),
        Code.INVALID_ARGUMENT,
        "at least one filter");
    assertFails(
        () ->
            chat.findThreads(
                FindThreadsRequest.newBuilder()
                    .setParticipant("u")
                    .setPageToken("made-up")
                    .build()),
        Code.INVALID_ARGUMENT,
        "page_token is not one this rpc issued");
    chat.createThread(threadRequest("u").build());
    chat.createThread(threadRequest("u").build());
    String token =
        chat.findThreads(FindThreadsRequest.newBuilder().setParticipant("u").setPageSize(1).build())
            .getNextPageToken();
    assertFails(
        () ->
            chat.findThreads(
                FindThreadsRequest.newBuilder().setParticipant("v").setPageToken(token).build()),
        Code.INVALID_ARGUMENT,
        "page_token is not one this rpc issued");
    assertFails(
        () ->
            chat.findThreads(
                FindThreadsRequest.newBuilder().setParticipant("u").setPageSize(201).build()),
        Code.INVALID_ARGUMENT,
        "page_size");
  }

  @Test
  void addParticipants_addsNewUsersInTheOrderGivenOnceAndKeepsTheOthers() {
    Thread thread =
        chat.createThread(threadRequest("customer_1").addParticipants("support_1").build());

    Thread after =
        chat.addParticipants(
            addition(thread, "agent_2", "support_1", "agent_3", "agent_2", "customer_1").build());

    assertThat(after.getParticipantsList())
        .containsExactly("customer_1", "support_1", "agent_2", "agent_3");
    assertThat(after.toBuilder().clearParticipants().build())
        .isEqualTo(thread.toBuilder().clearParticipants().build());
    assertThat(chat.getThread(GetThreadRequest.newBuilder().setThreadId(thread.getId()).build()))
        .isEqualTo(after);
  }

  @Test
  void addParticipants_ofUsersWhoAlreadyAreParticipantsChangesNothing() {
    Thread thread =
        chat.createThread(threadRequest("customer_1").addParticipants("support_1").build());
    Thread added = chat.addParticipants(addition(thread, "agent_2").build());

    Thread again = chat.addParticipants(addition(thread, "agent_2", "customer_1").build());

    assertThat(again).isEqualTo(added);
  }

  @Test
  void addParticipants_letsTheNewParticipantsPostAndFindTheThread() {
    Thread thread = chat.createThread(threadRequest("customer_1").build());
    assertFails(
        () -> chat.sendMessage(message(thread, "agent_2", "hi").build()),
        Code.PERMISSION_DENIED,
        "user 'agent_2' is not a participant");

    chat.addParticipants(addition(thread, "agent_2").build());

    assertThat(chat.sendMessage(message(thread, "agent_2", "hi").build()).getUserId())
        .isEqualTo("agent_2");
    assertThat(
            chat.findThreads(FindThreadsRequest.newBuilder().setParticipant("agent_2").build())
                .getThreadsList())
        .extracting(Thread::getId)
        .containsExactly(thread.getId());
  }

  @Test
  void addParticipants_returnsTheFirstAnswerForARepeatedRequestId() {
    Thread thread = chat.createThread(threadRequest("customer_1").build());
    Thread other = chat.createThread(threadRequest("customer_1").build());
    AddParticipantsRequest request = addition(thread, "agent_2").setRequestId("add-1").build();

    Thread first = chat.addParticipants(request);
    chat.addParticipants(addition(thread, "agent_3").build());
    Thread again = chat.addParticipants(request);

    assertThat(again).isEqualTo(first);
    // Scoped to the thread: the same key elsewhere is another request.
    assertThat(
            chat.addParticipants(addition(other, "agent_2").setRequestId("add-1").build())
                .getParticipantsList())
        .containsExactly("customer_1", "agent_2");
    assertFails(
        () -> chat.addParticipants(addition(thread, "agent_4").setRequestId("add-1").build()),
        Code.ALREADY_EXISTS,
        "request_id was already used with a different payload");
  }

  @Test
  void addParticipants_failsWithNotFoundForAnUnknownThread() {
    assertFails(
        () ->
            chat.addParticipants(
                AddParticipantsRequest.newBuilder()
                    .setThreadId("thr_nope")
                    .addParticipants("agent_2")
                    .build()),
        Code.NOT_FOUND,
        "thread 'thr_nope' not found");
  }

  @Test
  void addParticipants_rejectsEmptyOrLongIdsAndThreadsPastTheParticipantLimit() {
    Thread thread =
        chat.createThread(threadRequest("customer_1").addParticipants("support_1").build());

    assertFails(
        () -> chat.addParticipants(addition(thread).build()),
        Code.INVALID_ARGUMENT,
        "participants is required");
    assertFails(
        () -> chat.addParticipants(addition(thread, "agent_2", "").build()),
        Code.INVALID_ARGUMENT,
        "participants[1] is required");
    assertFails(
        () -> chat.addParticipants(addition(thread, "a".repeat(129)).build()),
        Code.INVALID_ARGUMENT,
        "participants[0] exceeds 128 characters");
    assertFails(
        () ->
            chat.addParticipants(
                AddParticipantsRequest.newBuilder().addParticipants("agent_2").build()),
        Code.INVALID_ARGUMENT,
        "thread_id is required");
    assertFails(
        () -> chat.addParticipants(addition(thread, users(99)).build()),
        Code.INVALID_ARGUMENT,
        "thread '" + thread.getId() + "' would have more than 100 participants");
    assertThat(chat.getThread(GetThreadRequest.newBuilder().setThreadId(thread.getId()).build()))
        .as("a refused addition adds nobody")
        .isEqualTo(thread);
    // Up to the limit, and then users already there, are fine.
    assertThat(chat.addParticipants(addition(thread, users(98)).build()).getParticipantsCount())
        .isEqualTo(100);
    assertThat(
            chat.addParticipants(addition(thread, "support_1", "user_0").build())
                .getParticipantsCount())
        .isEqualTo(100);
  }

  @Test
  void updateThreadMetadata_setsPairsWhenTheExpectedValuesHoldAndFindsTheThreadByThem() {
    Thread thread =
        chat.createThread(
            threadRequest("customer_1")
                .putMetadata("type", "support")
                .putMetadata("a", "1")
                .build());

    Thread after =
        chat.updateThreadMetadata(
            metadataUpdate(thread)
                .putSet("assignment", "assigned")
                .putSet("a", "2")
                .putExpected("a", "1")
                .putExpected("assignment", "")
                .build());

    assertThat(after.getMetadataMap())
        .containsExactlyInAnyOrderEntriesOf(
            Map.of("type", "support", "a", "2", "assignment", "assigned"));
    assertThat(found(Map.of("assignment", "assigned"))).containsExactly(thread.getId());
    assertThat(found(Map.of("a", "1"))).as("the old pair no longer matches").isEmpty();
    assertThat(chat.getThread(GetThreadRequest.newBuilder().setThreadId(thread.getId()).build()))
        .isEqualTo(after);
  }

  @Test
  void updateThreadMetadata_refusesWhenAnExpectedValueNoLongerHolds_oneOfTwoRacersWins() {
    Thread thread = chat.createThread(threadRequest("customer_1").putMetadata("q", "open").build());
    UpdateThreadMetadataRequest first =
        metadataUpdate(thread).putSet("q", "agent_1").putExpected("q", "open").build();
    UpdateThreadMetadataRequest second =
        metadataUpdate(thread).putSet("q", "agent_2").putExpected("q", "open").build();

    chat.updateThreadMetadata(first);

    assertFails(
        () -> chat.updateThreadMetadata(second),
        Code.FAILED_PRECONDITION,
        "thread '" + thread.getId() + "': metadata 'q' is not the value expected");
    assertThat(
            chat.getThread(GetThreadRequest.newBuilder().setThreadId(thread.getId()).build())
                .getMetadataMap())
        .containsEntry("q", "agent_1");
  }

  @Test
  void updateThreadMetadata_returnsTheFirstAnswerForARepeatedRequestIdEvenWhenNoLongerExpected() {
    Thread thread = chat.createThread(threadRequest("customer_1").putMetadata("q", "open").build());
    UpdateThreadMetadataRequest claim =
        metadataUpdate(thread)
            .putSet("q", "agent_1")
            .putExpected("q", "open")
            .setRequestId("claim-1")
            .build();

    Thread first = chat.updateThreadMetadata(claim);
    Thread again = chat.updateThreadMetadata(claim);

    assertThat(again).isEqualTo(first);
    assertFails(
        () ->
            chat.updateThreadMetadata(
                metadataUpdate(thread).putSet("q", "agent_2").setRequestId("claim-1").build()),
        Code.ALREADY_EXISTS,
        "request_id was already used with a different payload");
  }

  @Test
  void updateThreadMetadata_rejectsAnEmptySetAnUnknownThreadAndMetadataPastItsLimits() {
    Thread thread = chat.createThread(threadRequest("customer_1").build());

    assertFails(
        () -> chat.updateThreadMetadata(metadataUpdate(thread).build()),
        Code.INVALID_ARGUMENT,
        "set is required");
    assertFails(
        () ->
            chat.updateThreadMetadata(
                UpdateThreadMetadataRequest.newBuilder()
                    .setThreadId("thr_nope")
                    .putSet("k", "v")
                    .build()),
        Code.NOT_FOUND,
        "thread 'thr_nope' not found");
    UpdateThreadMetadataRequest.Builder tooMany = metadataUpdate(thread);
    for (int i = 0; i < 33; i++) {
      tooMany.putSet("k" + i, "v");
    }
    assertFails(
        () -> chat.updateThreadMetadata(tooMany.build()),
        Code.INVALID_ARGUMENT,
        "set holds more than 32 entries");
  }

  private static UpdateThreadMetadataRequest.Builder metadataUpdate(Thread thread) {
    return UpdateThreadMetadataRequest.newBuilder().setThreadId(thread.getId());
  }

  private List<String> found(Map<String, String> metadata) {
    return chat
        .findThreads(FindThreadsRequest.newBuilder().putAllMetadata(metadata).build())
        .getThreadsList()
        .stream()
        .map(Thread::getId)
        .toList();
  }

  @Test
  void sendMessage_returnsTheOriginalMessageForARepeatedRequestId() {
    Thread thread = chat.createThread(threadRequest("customer_1").build());
    SendMessageRequest request = message(thread, "customer_1", "hello").setRequestId("m-1").build();

    Message first = chat.sendMessage(request);
    Message again = chat.sendMessage(request);

    assertThat(again).isEqualTo(first);
    assertThat(messages(thread, 50, "").getMessagesList()).containsExactly(first);
  }

  @Test
  void sendMessage_concurrentCallsWithOneRequestIdCreateOneMessage() throws Exception {
    Thread thread = chat.createThread(threadRequest("customer_1").build());
    SendMessageRequest request =
        message(thread, "customer_1", "once").setRequestId("m-race").build();
    List<ListenableFuture<Message>> calls = new ArrayList<>();
    for (int i = 0; i < 32; i++) {
      calls.add(emulator.chatFuture().sendMessage(request));
    }

    List<Message> sent = Futures.allAsList(calls).get();

    assertThat(sent.stream().map(Message::getId).distinct()).hasSize(1);
    assertThat(messages(thread, 50, "").getMessagesCount()).isEqualTo(1);
    assertThat(stats().getMessages()).isEqualTo(1);
  }

  @Test
  void sendMessage_scopesRequestIdsToTheThreadAndRejectsADifferentPayload() {
    Thread one = chat.createThread(threadRequest("customer_1").build());
    Thread two = chat.createThread(threadRequest("customer_1").build());

    Message inOne = chat.sendMessage(message(one, "customer_1", "hi").setRequestId("m-1").build());
    Message inTwo = chat.sendMessage(message(two, "customer_1", "hi").setRequestId("m-1").build());

    assertThat(inTwo.getId()).isNotEqualTo(inOne.getId());
    assertFails(
        () -> chat.sendMessage(message(one, "customer_1", "changed").setRequestId("m-1").build()),
        Code.ALREADY_EXISTS,
        "different payload");
  }

  @Test
  void sendMessage_rejectsSendersWhoAreNotParticipants() {
    Thread thread = chat.createThread(threadRequest("customer_1").build());

    assertFails(
        () -> chat.sendMessage(message(thread, "stranger", "hi").build()),
        Code.PERMISSION_DENIED,
        "user 'stranger' is not a participant");
  }

  @Test
  void sendMessage_checksContentAndAttachments() {
    Thread thread = chat.createThread(threadRequest("customer_1").build());

    assertFails(
        () -> chat.sendMessage(message(thread, "customer_1", "").build()),
        Code.INVALID_ARGUMENT,
        "content is empty and there are no attachments");
    assertFails(
        () -> chat.sendMessage(message(thread, "customer_1", "x".repeat(4_001)).build()),
        Code.INVALID_ARGUMENT,
        "content exceeds 4000 characters");
    assertFails(
        () ->
            chat.sendMessage(
                message(thread, "customer_1", "hi")
                    .addAllAttachmentIds(Collections.nCopies(11, "file"))
                    .build()),
        Code.INVALID_ARGUMENT,
        "attachment_ids holds more than 10 entries");
    assertThat(
            chat.sendMessage(message(thread, "customer_1", "x".repeat(4_000)).build()).getContent())
        .hasSize(4_000);
    // 4,000 emoji are 8,000 UTF-16 units but 4,000 characters.
    assertThat(chat.sendMessage(message(thread, "customer_1", "😀".repeat(4_000)).build()).getId())
        .isNotEmpty();
    assertThat(
            chat.sendMessage(message(thread, "customer_1", "").addAttachmentIds("file_1").build())
                .getAttachmentIdsList())
        .containsExactly("file_1");
  }

  @Test
  void sendMessage_failsWithNotFoundForAnUnknownThread() {
    assertFails(
        () ->
            chat.sendMessage(
                SendMessageRequest.newBuilder()
                    .setThreadId("thr_nope")
                    .setUserId("u")
                    .setContent("hi")
                    .build()),
        Code.NOT_FOUND,
        "thread 'thr_nope' not found");
  }

  @Test
  void sendMessage_failsWithResourceExhaustedPastTheCap() throws InterruptedException {
    emulator.close();
    emulator = InProcessEmulator.start(config -> config.maxMessages(3));
    chat = emulator.chat();
    Thread thread = chat.createThread(threadRequest("u").build());
    for (int i = 0; i < 3; i++) {
      chat.sendMessage(message(thread, "u", "m" + i).build());
    }

    assertFails(
        () -> chat.sendMessage(message(thread, "u", "one too many").build()),
        Code.RESOURCE_EXHAUSTED,
        "maximum of 3 messages (--max-messages)");
  }

  @Test
  void getThreadMessages_pagesMessagesOfOneMillisecondWithoutLossOrRepetition() {
    Thread thread = chat.createThread(threadRequest("customer_1").build());
    Thread other = chat.createThread(threadRequest("customer_1").build());
    List<String> sent = new ArrayList<>();
    for (int i = 0; i < 120; i++) {
      sent.add(chat.sendMessage(message(thread, "customer_1", "m" + i).build()).getId());
      // Interleaved messages of another thread draw from the same id sequence.
      chat.sendMessage(message(other, "customer_1", "o" + i).build());
    }

    for (int pageSize : new int[] {7, 50}) {
      List<String> read = new ArrayList<>();
      String before = "";
      boolean more = true;
      while (more) {
        GetThreadMessagesResponse page = messages(thread, pageSize, before);
        List<String> ids = page.getMessagesList().stream().map(Message::getId).toList();
        assertThat(ids).isSorted().hasSizeLessThanOrEqualTo(pageSize);
        read.addAll(0, ids);
        more = page.getHasMore();
        before = ids.get(0);
      }
      assertThat(read).as("paged by %d", pageSize).containsExactlyElementsOf(sent);
    }
  }

  @Test
  void getThreadMessages_returnsTheNewest50ByDefault() {
    Thread thread = chat.createThread(threadRequest("u").build());
    List<String> sent = new ArrayList<>();
    for (int i = 0; i < 60; i++) {
      sent.add(chat.sendMessage(message(thread, "u", "m" + i).build()).getId());
    }

    GetThreadMessagesResponse newest = messages(thread, 0, "");

    assertThat(newest.getMessagesList()).extracting(Message::getId).isEqualTo(sent.subList(10, 60));
    assertThat(newest.getHasMore()).isTrue();
    GetThreadMessagesResponse oldest = messages(thread, 0, sent.get(10));
    assertThat(oldest.getMessagesList()).extracting(Message::getId).isEqualTo(sent.subList(0, 10));
    assertThat(oldest.getHasMore()).isFalse();
  }

  @Test
  void getThreadMessages_rejectsABadLimitOrAForeignBeforeId() {
    Thread thread = chat.createThread(threadRequest("u").build());
    Thread other = chat.createThread(threadRequest("u").build());
    String otherMessage = chat.sendMessage(message(other, "u", "hi").build()).getId();

    assertFails(() -> messages(thread, 201, ""), Code.INVALID_ARGUMENT, "limit");
    assertFails(() -> messages(thread, -1, ""), Code.INVALID_ARGUMENT, "limit");
    assertFails(
        () -> messages(thread, 10, otherMessage),
        Code.INVALID_ARGUMENT,
        "before_id '" + otherMessage + "' is not a message of thread '" + thread.getId() + "'");
    assertFails(() -> messages(thread, 10, "garbage"), Code.INVALID_ARGUMENT, "before_id");
    assertFails(
        () ->
            chat.getThreadMessages(
                GetThreadMessagesRequest.newBuilder().setThreadId("thr_nope").build()),
        Code.NOT_FOUND,
        "thr_nope");
  }

  private GetThreadMessagesResponse messages(Thread thread, int limit, String beforeId) {
    return chat.getThreadMessages(
        GetThreadMessagesRequest.newBuilder()
            .setThreadId(thread.getId())
            .setLimit(limit)
            .setBeforeId(beforeId)
            .build());
  }

  private com.midimo.chat.emulator.v1.Stats stats() {
    return emulator.control().getStats(GetStatsRequest.getDefaultInstance());
  }

  static CreateThreadRequest.Builder threadRequest(String userId) {
    return CreateThreadRequest.newBuilder().setUserId(userId).setTitle("Order help");
  }

  static AddParticipantsRequest.Builder addition(Thread thread, String... userIds) {
    return AddParticipantsRequest.newBuilder()
        .setThreadId(thread.getId())
        .addAllParticipants(List.of(userIds));
  }

  private static String[] users(int count) {
    return IntStream.range(0, count).mapToObj(i -> "user_" + i).toArray(String[]::new);
  }

  static SendMessageRequest.Builder message(Thread thread, String userId, String content) {
    return SendMessageRequest.newBuilder()
        .setThreadId(thread.getId())
        .setUserId(userId)
        .setContent(content);
  }
}
