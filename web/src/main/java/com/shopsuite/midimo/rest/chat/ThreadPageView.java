package com.shopsuite.midimo.rest.chat;

import com.shopsuite.midimo.chat.ThreadPage;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One page of a user's threads, most recent activity first. */
@Schema(name = "ThreadPage", description = "One page of threads, most recent activity first")
public record ThreadPageView(
    List<ThreadView> threads,
    @Schema(description = "Reads the next page as page_token; null on the last page")
        String nextPageToken) {

  static ThreadPageView of(ThreadPage page) {
    return new ThreadPageView(
        page.threads().stream().map(ThreadView::of).toList(), page.nextPageToken());
  }
}
