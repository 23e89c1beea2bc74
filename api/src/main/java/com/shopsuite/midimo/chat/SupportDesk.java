package com.shopsuite.midimo.chat;

import java.util.List;

/**
 * Who answers a support thread. A new support thread goes to an available agent of the configured
 * roster (online first, then the fewest support threads), who becomes a participant; when no agent
 * of the roster is online it waits in a queue that every agent sees, until one claims it. The
 * thread's metadata says where it stands: {@code assignment} is {@value #WAITING} or {@value
 * #ASSIGNED}, {@code assigned_agent} names the agent. Claims and hand-offs are compare-and-set on
 * that metadata in Midimo Chat, so of two agents claiming the same thread on any nodes, one wins.
 */
public interface SupportDesk {

  /** Metadata key: {@value #WAITING} or {@value #ASSIGNED}. */
  String ASSIGNMENT = "assignment";

  /** Metadata key: the agent the thread is with. */
  String ASSIGNED_AGENT = "assigned_agent";

  String WAITING = "waiting";

  String ASSIGNED = "assigned";

  /** The agents new support threads may go to, in the configured order. */
  List<String> roster();

  /**
   * The support threads waiting for an agent, oldest first.
   *
   * @param pageSize 1 to 200
   * @param pageToken the previous page's {@link ThreadPage#nextPageToken()}; null for the first
   */
  ThreadPage waiting(int pageSize, String pageToken);

  /**
   * Takes a waiting support thread: the agent becomes its assigned agent and a participant. Asking
   * again for a thread one already has answers it as it is (a retry is safe).
   *
   * @throws com.shopsuite.midimo.error.ResourceNotFoundException when no such support thread exists
   * @throws com.shopsuite.midimo.error.ConflictException when another agent has it
   */
  ChatThread claim(String threadId, String agentId);

  /**
   * Hands an assigned support thread to another agent, who becomes its assigned agent and a
   * participant (the previous agent stays a participant, so the conversation stays readable).
   *
   * @param fromAgentId the agent handing it over: the caller when it is an agent; null for the
   *     storefront, which hands over from whoever has it
   * @throws com.shopsuite.midimo.error.ResourceNotFoundException when no such support thread exists
   * @throws com.shopsuite.midimo.error.ConflictException when {@code fromAgentId} does not have it
   *     (any more)
   */
  ChatThread handOff(String threadId, String fromAgentId, String toAgentId);
}
