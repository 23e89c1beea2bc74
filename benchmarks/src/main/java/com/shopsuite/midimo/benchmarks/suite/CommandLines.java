package com.shopsuite.midimo.benchmarks.suite;

import java.util.List;
import java.util.function.Function;

/**
 * What the suite's, the resilience report's and the scale-out report's commands share: the command
 * line a report quotes, and the selection of cases or scenarios by id.
 */
public final class CommandLines {

  private CommandLines() {}

  /**
   * The command as its script typed it ({@code environmentVariable}, set by {@code run.sh});
   * otherwise rebuilt from this JVM's arguments, or {@code fallback}.
   */
  public static String asTyped(String environmentVariable, String fallback) {
    String given = System.getenv(environmentVariable);
    if (given != null && !given.isBlank()) {
      return given.trim();
    }
    return ProcessHandle.current()
        .info()
        .arguments()
        .map(args -> "java " + String.join(" ", args))
        .orElse(fallback);
  }

  /**
   * The elements of {@code all} whose ids are in {@code ids}, in {@code all}'s order; all of them
   * when {@code ids} is empty or null.
   *
   * @param option the option that gave the ids, for the error about an unknown one
   * @throws IllegalArgumentException naming an unknown id and the known ones
   */
  public static <T> List<T> select(
      List<T> all, List<String> ids, Function<T, String> idOf, String option) {
    if (ids == null || ids.isEmpty()) {
      return all;
    }
    List<String> known = all.stream().map(idOf).toList();
    for (String id : ids) {
      if (!known.contains(id)) {
        throw new IllegalArgumentException(
            option + ": no '" + id + "'; known: " + String.join(", ", known));
      }
    }
    return all.stream().filter(element -> ids.contains(idOf.apply(element))).toList();
  }
}
