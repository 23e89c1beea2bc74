package com.shopsuite.midimo.core.chat;

import static com.shopsuite.midimo.client.Arguments.requireId;

import com.shopsuite.midimo.chat.ChatThread;
import com.shopsuite.midimo.chat.SupportDesk;
import com.shopsuite.midimo.chat.ThreadPage;
import com.shopsuite.midimo.client.IdempotencyKeys;
import com.shopsuite.midimo.client.MidimoChatClient;
import com.shopsuite.midimo.core.connection.MidimoChatChannels;
import com.shopsuite.midimo.core.resilience.FaultToleranceTranslator;
import com.shopsuite.midimo.error.ConflictException;
import com.shopsuite.midimo.error.ResourceNotFoundException;
import com.shopsuite.midimo.error.ValidationException;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.ejb.Local;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The support desk over Midimo Chat: the queue is a metadata search, claims and hand-offs a
 * compare-and-set of the thread's metadata followed by adding the agent as a participant. Each step
 * is idempotent and each call first reads where the thread stands, so a call repeated after a
 * failure between the two steps finishes the first one's work instead of failing.
 */
@Stateless
@Local(SupportDesk.class)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class SupportDeskBean implements SupportDesk {

  @EJB MidimoChatChannels channels;

  @Inject FaultToleranceTranslator guarded;

  @Inject ThreadInfoCache cache;

  @Inject AgentRoster roster;

  private MidimoChatClient client;

  @PostConstruct
  void borrowClient() {
    client = channels.client();
  }

  @Override
  public List<String> roster() {
    return roster.agents();
  }

  @Override
  public ThreadPage waiting(int pageSize, String pageToken) {
    return guarded.call(
        () -> client.findThreads(SupportThreads.waitingQuery(), null, pageSize, pageToken));
  }

  @Override
  public ChatThread claim(String threadId, String agentId) {
    requireId("agentId", agentId);
    ChatThread thread = supportThread(threadId);
    if (!agentId.equals(thread.metadata().get(ASSIGNED_AGENT))) {
      if (!WAITING.equals(thread.metadata().get(ASSIGNMENT))) {
        throw new ConflictException(
            "support thread " + threadId + " is already with another agent", null);
      }
      thread =
          compareAndSet(
              threadId,
              Map.of(ASSIGNMENT, ASSIGNED, ASSIGNED_AGENT, agentId),
              Map.of(ASSIGNMENT, WAITING),
              () -> "support thread " + threadId + " was claimed by another agent first");
    }
    return withParticipant(thread, agentId);
  }

  @Override
  public ChatThread handOff(String threadId, String fromAgentId, String toAgentId) {
    requireId("toAgentId", toAgentId);
    ChatThread thread = supportThread(threadId);
    String holder = thread.metadata().get(ASSIGNED_AGENT);
    if (!toAgentId.equals(holder)) {
      if (!ASSIGNED.equals(thread.metadata().get(ASSIGNMENT)) || holder == null) {
        throw new ConflictException(
            "support thread " + threadId + " is waiting for an agent: claim it instead", null);
      }
      if (fromAgentId != null && !fromAgentId.equals(holder)) {
        throw new ConflictException(
            "support thread " + threadId + " is with another agent, who may hand it over", null);
      }
      thread =
          compareAndSet(
              threadId,
              Map.of(ASSIGNED_AGENT, toAgentId),
              Map.of(ASSIGNMENT, ASSIGNED, ASSIGNED_AGENT, holder),
              () -> "support thread " + threadId + " changed hands meanwhile; read it again");
    }
    return withParticipant(thread, toAgentId);
  }

  /** The thread as Midimo Chat holds it now (not cached: claims decide on it). */
  private ChatThread supportThread(String threadId) {
    requireId("threadId", threadId);
    ChatThread thread = guarded.call(() -> client.getThread(threadId));
    if (!SupportThreads.TYPE.equals(thread.metadata().get("type"))) {
      throw new ResourceNotFoundException("support thread " + threadId + " not found", null);
    }
    return thread;
  }

  private ChatThread compareAndSet(
      String threadId,
      Map<String, String> set,
      Map<String, String> expected,
      Supplier<String> lost) {
    // One key for every retry of this call: a retry after a lost answer gets the first answer.
    String key = IdempotencyKeys.orNew(null);
    try {
      return guarded.call(() -> client.updateThreadMetadata(threadId, set, expected, key));
    } catch (ValidationException e) {
      if (e.upstreamStatus().filter("FAILED_PRECONDITION"::equals).isPresent()) {
        throw new ConflictException(lost.get(), e);
      }
      throw e;
    }
  }

  private ChatThread withParticipant(ChatThread thread, String agentId) {
    ChatThread current = thread;
    if (!thread.participants().contains(agentId)) {
      String key = IdempotencyKeys.orNew(null);
      current = guarded.call(() -> client.addParticipants(thread.id(), List.of(agentId), key));
    }
    cache.put(current);
    return current;
  }
}
