package com.midimo.chat.emulator.presence;

import com.midimo.chat.emulator.rpc.ProtoTime;
import com.midimo.chat.emulator.store.Capacity;
import com.midimo.chat.emulator.store.IdempotencyRecords;
import com.midimo.chat.v1.Presence;
import com.midimo.chat.v1.PresenceStatus;
import com.midimo.chat.v1.UpdatePresenceRequest;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The presence of every user seen, bounded by a cap on users. Idempotency keys are remembered for
 * the {@value #REMEMBERED_REQUEST_IDS} most recently used: presence creates nothing that could
 * bound them, and a retry comes seconds after its original, not hours.
 */
public final class PresenceStore {
  static final int REMEMBERED_REQUEST_IDS = 100_000;

  private final Clock clock;
  private final long maxUsers;
  private volatile State state;

  public PresenceStore(Clock clock, long maxUsers) {
    this.clock = clock;
    this.maxUsers = maxUsers;
    this.state = new State(maxUsers);
  }

  /** Sets a user's presence; a replayed request_id returns the first result, not applied again. */
  public Presence update(UpdatePresenceRequest request) {
    State current = state;
    if (request.getRequestId().isEmpty()) {
      return current.apply(request, clock);
    }
    return current.requests.once(
        request.getRequestId(),
        request.toBuilder().clearRequestId().build(),
        () -> current.apply(request, clock));
  }

  /** One presence per id, in the order asked; a user never seen is OFFLINE with no updated_at. */
  public List<Presence> get(List<String> userIds) {
    State current = state;
    List<Presence> presences = new ArrayList<>(userIds.size());
    for (String userId : userIds) {
      Presence known = current.presences.get(userId);
      presences.add(
          known != null
              ? known
              : Presence.newBuilder().setUserId(userId).setStatus(PresenceStatus.OFFLINE).build());
    }
    return presences;
  }

  public long userCount() {
    return state.users.used();
  }

  public void clear() {
    state = new State(maxUsers);
  }

  private static final class State {
    final Capacity users;
    final ConcurrentHashMap<String, Presence> presences = new ConcurrentHashMap<>();
    final IdempotencyRecords<UpdatePresenceRequest, Presence> requests =
        IdempotencyRecords.leastRecentlyUsed(REMEMBERED_REQUEST_IDS);

    State(long maxUsers) {
      users = new Capacity("users with a presence", "--max-presences", maxUsers);
    }

    Presence apply(UpdatePresenceRequest request, Clock clock) {
      Presence presence =
          Presence.newBuilder()
              .setUserId(request.getUserId())
              .setStatus(request.getStatus())
              .setCustomStatus(request.getCustomStatus())
              .setUpdatedAt(ProtoTime.now(clock))
              .build();
      presences.compute(
          request.getUserId(),
          (userId, old) -> {
            if (old == null) {
              users.reserve();
            }
            return presence;
          });
      return presence;
    }
  }
}
