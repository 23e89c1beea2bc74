package com.shopsuite.midimo.chat;

import java.util.List;
import java.util.Optional;

/**
 * One page of threads found by metadata or participant, oldest first.
 *
 * @param nextPageToken the token of the next page; null when this is the last one
 */
public record ThreadPage(List<ChatThread> threads, String nextPageToken) {

  public ThreadPage {
    threads = List.copyOf(threads);
  }

  public Optional<String> next() {
    return Optional.ofNullable(nextPageToken);
  }
}
