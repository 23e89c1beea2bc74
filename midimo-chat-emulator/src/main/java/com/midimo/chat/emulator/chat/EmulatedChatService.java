package com.midimo.chat.emulator.chat;

import static com.midimo.chat.emulator.rpc.FieldLimits.ids;
import static com.midimo.chat.emulator.rpc.FieldLimits.invalid;
import static com.midimo.chat.emulator.rpc.FieldLimits.maxChars;
import static com.midimo.chat.emulator.rpc.FieldLimits.metadata;
import static com.midimo.chat.emulator.rpc.FieldLimits.pageSize;
import static com.midimo.chat.emulator.rpc.FieldLimits.requestId;
import static com.midimo.chat.emulator.rpc.FieldLimits.requireId;
import static com.midimo.chat.emulator.rpc.FieldLimits.requireText;

import com.midimo.chat.emulator.rpc.FieldLimits;
import com.midimo.chat.emulator.rpc.UnaryCalls;
import com.midimo.chat.v1.AddParticipantsRequest;
import com.midimo.chat.v1.ChatServiceGrpc;
import com.midimo.chat.v1.CreateThreadRequest;
import com.midimo.chat.v1.FindThreadsRequest;
import com.midimo.chat.v1.FindThreadsResponse;
import com.midimo.chat.v1.GetThreadMessagesRequest;
import com.midimo.chat.v1.GetThreadMessagesResponse;
import com.midimo.chat.v1.GetThreadRequest;
import com.midimo.chat.v1.Message;
import com.midimo.chat.v1.SendMessageRequest;
import com.midimo.chat.v1.StreamThreadEventsRequest;
import com.midimo.chat.v1.Thread;
import com.midimo.chat.v1.ThreadEvent;
import com.midimo.chat.v1.ThreadOrder;
import com.midimo.chat.v1.UpdateThreadMetadataRequest;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The emulated ChatService: validates each request, then lets the store and the hub do it. */
public final class EmulatedChatService extends ChatServiceGrpc.ChatServiceImplBase {
  static final int MAX_TITLE_CHARS = 200;
  static final int MAX_PARTICIPANTS = 100;
  static final int MAX_ATTACHMENTS = 10;
  static final int MAX_CONTENT_CHARS = 4_000;

  private final ThreadStore threads;
  private final ThreadEventHub events;

  public EmulatedChatService(ThreadStore threads, ThreadEventHub events) {
    this.threads = threads;
    this.events = events;
  }

  @Override
  public void createThread(CreateThreadRequest request, StreamObserver<Thread> responseObserver) {
    UnaryCalls.answer(
        responseObserver,
        () -> {
          requireId("user_id", request.getUserId());
          requireText("title", request.getTitle(), MAX_TITLE_CHARS);
          ids("participants", request.getParticipantsList(), MAX_PARTICIPANTS);
          metadata("metadata", request.getMetadataMap());
          requestId(request.getRequestId());
          return threads.create(request, participants(request));
        });
  }

  @Override
  public void getThread(GetThreadRequest request, StreamObserver<Thread> responseObserver) {
    UnaryCalls.answer(
        responseObserver, () -> threads.get(requireId("thread_id", request.getThreadId())));
  }

  @Override
  public void findThreads(
      FindThreadsRequest request, StreamObserver<FindThreadsResponse> responseObserver) {
    UnaryCalls.answer(
        responseObserver,
        () -> {
          if (request.getMetadataCount() == 0 && request.getParticipant().isEmpty()) {
            throw invalid("at least one filter (metadata or participant) is required");
          }
          maxChars("participant", request.getParticipant(), FieldLimits.MAX_ID_CHARS);
          metadata("metadata", request.getMetadataMap());
          if (request.getOrder() == ThreadOrder.UNRECOGNIZED) {
            throw invalid("order " + request.getOrderValue() + " is not a ThreadOrder");
          }
          return threads.find(request, pageSize("page_size", request.getPageSize()));
        });
  }

  @Override
  public void addParticipants(
      AddParticipantsRequest request, StreamObserver<Thread> responseObserver) {
    UnaryCalls.answer(
        responseObserver,
        () -> {
          requireId("thread_id", request.getThreadId());
          if (request.getParticipantsCount() == 0) {
            throw invalid("participants is required");
          }
          ids("participants", request.getParticipantsList(), MAX_PARTICIPANTS);
          requestId(request.getRequestId());
          return threads.addParticipants(request, MAX_PARTICIPANTS);
        });
  }

  @Override
  public void updateThreadMetadata(
      UpdateThreadMetadataRequest request, StreamObserver<Thread> responseObserver) {
    UnaryCalls.answer(
        responseObserver,
        () -> {
          requireId("thread_id", request.getThreadId());
          if (request.getSetCount() == 0) {
            throw invalid("set is required");
          }
          metadata("set", request.getSetMap());
          metadata("expected", request.getExpectedMap());
          requestId(request.getRequestId());
          return threads.updateMetadata(request);
        });
  }

  @Override
  public void sendMessage(SendMessageRequest request, StreamObserver<Message> responseObserver) {
    UnaryCalls.answer(
        responseObserver,
        () -> {
          requireId("thread_id", request.getThreadId());
          requireId("user_id", request.getUserId());
          maxChars("content", request.getContent(), MAX_CONTENT_CHARS);
          ids("attachment_ids", request.getAttachmentIdsList(), MAX_ATTACHMENTS);
          // Whitespace alone is no message either.
          if (request.getContent().isBlank() && request.getAttachmentIdsCount() == 0) {
            throw invalid("content is empty and there are no attachments");
          }
          metadata("metadata", request.getMetadataMap());
          requestId(request.getRequestId());
          return threads.send(request);
        });
  }

  @Override
  public void getThreadMessages(
      GetThreadMessagesRequest request,
      StreamObserver<GetThreadMessagesResponse> responseObserver) {
    UnaryCalls.answer(
        responseObserver,
        () -> {
          requireId("thread_id", request.getThreadId());
          int limit = request.getLimit() == 0 ? FieldLimits.DEFAULT_PAGE_SIZE : request.getLimit();
          if (limit < 1 || limit > FieldLimits.MAX_PAGE_SIZE) {
            throw invalid("limit must be between 1 and 200 (0 means 50)");
          }
          maxChars("before_id", request.getBeforeId(), FieldLimits.MAX_ID_CHARS);
          return threads.messages(request.getThreadId(), limit, request.getBeforeId());
        });
  }

  @Override
  public void streamThreadEvents(
      StreamThreadEventsRequest request, StreamObserver<ThreadEvent> responseObserver) {
    try {
      threads.get(requireId("thread_id", request.getThreadId()));
    } catch (StatusRuntimeException e) {
      responseObserver.onError(e);
      return;
    }
    events.subscribe(
        request.getThreadId(), (ServerCallStreamObserver<ThreadEvent>) responseObserver);
  }

  /** The creator first, then the others in the order given, each once. */
  private static List<String> participants(CreateThreadRequest request) {
    Set<String> participants = new LinkedHashSet<>();
    participants.add(request.getUserId());
    participants.addAll(request.getParticipantsList());
    if (participants.size() > MAX_PARTICIPANTS) {
      throw invalid(
          "participants holds more than " + MAX_PARTICIPANTS + " users, creator included");
    }
    return new ArrayList<>(participants);
  }
}
