package com.shopsuite.midimo.chat;

import java.io.Serializable;
import java.util.List;
import java.util.Optional;

/**
 * One page of threads, in the order the query asked for.
 *
 * @param nextPageToken the token of the next page; null when this is the last one
 */
public record ThreadPage(List<ChatThread> threads, String nextPageToken) implements Serializable {

  public ThreadPage {
    threads = List.copyOf(threads);
  }

  public Optional<String> next() {
    return Optional.ofNullable(nextPageToken);
  }
}
