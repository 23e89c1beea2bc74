package com.shopsuite.midimo.core.live;

import java.util.LinkedHashMap;
import java.util.Map;

/** The ids of the last messages delivered, to drop one that comes twice (history and live). */
final class RecentIds {
  private final Map<String, Boolean> ids;

  RecentIds(int capacity) {
    this.ids =
        new LinkedHashMap<>(capacity * 2, 0.75f, false) {
          @Override
          protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > capacity;
          }
        };
  }

  /** True when {@code id} is new (and remembers it), false when it was delivered already. */
  boolean add(String id) {
    return ids.put(id, Boolean.TRUE) == null;
  }
}
