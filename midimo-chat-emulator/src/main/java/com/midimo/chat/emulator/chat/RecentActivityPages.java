package com.midimo.chat.emulator.chat;

import com.google.protobuf.Timestamp;
import com.midimo.chat.emulator.store.PageToken;
import com.midimo.chat.v1.FindThreadsResponse;
import com.midimo.chat.v1.Thread;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;

/**
 * FindThreads in THREAD_ORDER_RECENT_ACTIVITY: newest updated_at first, ties newest thread first.
 *
 * <p>A page is cut after the (updated_at, sequence) of its last thread, not at an offset: a thread
 * that changes while the caller pages jumps ahead of the cursor, so later pages neither repeat it
 * nor skip a thread that did not change, which an offset would do each time a thread moves up.
 */
final class RecentActivityPages {
  private static final Comparator<Candidate> PAGE_ORDER =
      Comparator.comparing(Candidate::activity).reversed();

  private RecentActivityPages() {}

  /**
   * @param matching every thread that matches the query, in any order
   * @param query the hash the page tokens are bound to
   */
  static FindThreadsResponse page(
      String rpc, Iterable<ChatThread> matching, String pageToken, int query, int pageSize) {
    Activity after =
        pageToken.isEmpty() ? null : Activity.of(PageToken.decode(rpc, pageToken, query, 2));
    // The pageSize + 1 first threads past the cursor (the extra one says whether a next page
    // exists); the head is the last of them in page order, the one to drop for a better one. A
    // heap rather than a sort: the candidates of a busy metadata pair may be many.
    PriorityQueue<Candidate> first =
        new PriorityQueue<>(pageSize + 2, Comparator.comparing(Candidate::activity));
    for (ChatThread thread : matching) {
      // One snapshot: the updated_at the thread is ordered by is the one it is returned with.
      Thread snapshot = thread.toProto();
      Activity activity = new Activity(nanos(snapshot.getUpdatedAt()), thread.sequence());
      if (after == null || activity.compareTo(after) < 0) {
        first.add(new Candidate(activity, snapshot));
        if (first.size() > pageSize + 1) {
          first.poll();
        }
      }
    }
    List<Candidate> page = new ArrayList<>(first);
    page.sort(PAGE_ORDER);
    FindThreadsResponse.Builder response = FindThreadsResponse.newBuilder();
    for (int i = 0; i < Math.min(pageSize, page.size()); i++) {
      response.addThreads(page.get(i).thread());
    }
    if (page.size() > pageSize) {
      response.setNextPageToken(
          PageToken.encode(rpc, page.get(pageSize - 1).activity().toPosition(), query));
    }
    return response.build();
  }

  /** Nanoseconds since the epoch: a long holds them until the year 2262. */
  private static long nanos(Timestamp at) {
    return at.getSeconds() * 1_000_000_000L + at.getNanos();
  }

  /** Where a thread stands in the order; greater means earlier in the pages. */
  private record Activity(long updatedNanos, long sequence) implements Comparable<Activity> {
    static Activity of(long[] position) {
      return new Activity(position[0], position[1]);
    }

    long[] toPosition() {
      return new long[] {updatedNanos, sequence};
    }

    @Override
    public int compareTo(Activity other) {
      int byTime = Long.compare(updatedNanos, other.updatedNanos);
      return byTime != 0 ? byTime : Long.compare(sequence, other.sequence);
    }
  }

  private record Candidate(Activity activity, Thread thread) {}
}
