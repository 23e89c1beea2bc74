package com.midimo.chat.emulator.presence;

import static com.midimo.chat.emulator.rpc.FieldLimits.invalid;
import static com.midimo.chat.emulator.rpc.FieldLimits.maxChars;
import static com.midimo.chat.emulator.rpc.FieldLimits.requestId;
import static com.midimo.chat.emulator.rpc.FieldLimits.requireId;

import com.midimo.chat.emulator.chat.ThreadStore;
import com.midimo.chat.emulator.rpc.FieldLimits;
import com.midimo.chat.emulator.rpc.UnaryCalls;
import com.midimo.chat.v1.GetPresenceRequest;
import com.midimo.chat.v1.GetPresenceResponse;
import com.midimo.chat.v1.Presence;
import com.midimo.chat.v1.PresenceServiceGrpc;
import com.midimo.chat.v1.PresenceStatus;
import com.midimo.chat.v1.TypingStatus;
import com.midimo.chat.v1.UpdatePresenceRequest;
import com.midimo.chat.v1.UpdateTypingStatusRequest;
import io.grpc.stub.StreamObserver;

/** The emulated PresenceService. */
public final class EmulatedPresenceService extends PresenceServiceGrpc.PresenceServiceImplBase {
  static final int MAX_CUSTOM_STATUS_CHARS = 200;
  static final int MAX_USERS_PER_GET = 1_000;

  private final PresenceStore presences;
  private final TypingTracker typing;
  private final ThreadStore threads;

  public EmulatedPresenceService(
      PresenceStore presences, TypingTracker typing, ThreadStore threads) {
    this.presences = presences;
    this.typing = typing;
    this.threads = threads;
  }

  @Override
  public void updatePresence(
      UpdatePresenceRequest request, StreamObserver<Presence> responseObserver) {
    UnaryCalls.answer(
        responseObserver,
        () -> {
          requireId("user_id", request.getUserId());
          if (request.getStatus() == PresenceStatus.PRESENCE_STATUS_UNSPECIFIED
              || request.getStatus() == PresenceStatus.UNRECOGNIZED) {
            throw invalid("status is required (ONLINE, AWAY, BUSY or OFFLINE)");
          }
          maxChars("custom_status", request.getCustomStatus(), MAX_CUSTOM_STATUS_CHARS);
          requestId(request.getRequestId());
          return presences.update(request);
        });
  }

  @Override
  public void getPresence(
      GetPresenceRequest request, StreamObserver<GetPresenceResponse> responseObserver) {
    UnaryCalls.answer(
        responseObserver,
        () -> {
          if (request.getUserIdsCount() == 0) {
            throw invalid("user_ids is required");
          }
          FieldLimits.ids("user_ids", request.getUserIdsList(), MAX_USERS_PER_GET);
          return GetPresenceResponse.newBuilder()
              .addAllPresences(presences.get(request.getUserIdsList()))
              .build();
        });
  }

  @Override
  public void updateTypingStatus(
      UpdateTypingStatusRequest request, StreamObserver<TypingStatus> responseObserver) {
    UnaryCalls.answer(
        responseObserver,
        () -> {
          requireId("thread_id", request.getThreadId());
          requireId("user_id", request.getUserId());
          requestId(request.getRequestId());
          threads.requireParticipant(request.getThreadId(), request.getUserId());
          return typing.update(request);
        });
  }
}
