package com.midimo.chat.emulator.store;

import com.google.protobuf.Message;
import io.grpc.Status;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Remembers what each idempotency key produced, so a retried write returns the first result instead
 * of applying twice.
 *
 * <p>Claiming a key is atomic: of two concurrent calls with the same key, exactly one runs the
 * write and the other waits for its result. A write that fails leaves no record, so it can be
 * retried. "The same request" means the same payload: the request with its request_id cleared; a
 * different payload under a used key is ALREADY_EXISTS.
 *
 * @param <R> the request
 * @param <T> what the write produced
 */
public final class IdempotencyRecords<R extends Message, T> {
  private final Map<String, Record<R, T>> records;

  private IdempotencyRecords(Map<String, Record<R, T>> records) {
    this.records = records;
  }

  /**
   * Records for writes that create an entity: one record per entity at most, so they are bounded by
   * the entity's {@link Capacity}.
   */
  public static <R extends Message, T> IdempotencyRecords<R, T> boundedByEntities() {
    return new IdempotencyRecords<>(new ConcurrentHashMap<>());
  }

  /**
   * Records for writes that create nothing (presence, typing): the {@code maxKeys} most recently
   * used keys are kept, older ones are forgotten.
   */
  public static <R extends Message, T> IdempotencyRecords<R, T> leastRecentlyUsed(int maxKeys) {
    Map<String, Record<R, T>> lru =
        new LinkedHashMap<>(16, 0.75f, true) {
          @Override
          protected boolean removeEldestEntry(Map.Entry<String, Record<R, T>> eldest) {
            return size() > maxKeys;
          }
        };
    // synchronizedMap makes putIfAbsent and remove(key, value) atomic, which is all we need.
    return new IdempotencyRecords<>(Collections.synchronizedMap(lru));
  }

  /**
   * Runs {@code write} unless {@code key} was used before; returns what the first write with that
   * key produced.
   *
   * @param key the idempotency key, already scoped (e.g. thread id and request id)
   * @param payload the request with its request_id cleared
   */
  public T once(String key, R payload, Supplier<T> write) {
    Record<R, T> mine = new Record<>(payload, new CompletableFuture<>());
    Record<R, T> first = records.putIfAbsent(key, mine);
    if (first != null) {
      if (!first.payload.equals(payload)) {
        throw Status.ALREADY_EXISTS
            .withDescription("request_id was already used with a different payload")
            .asRuntimeException();
      }
      return resultOf(first);
    }
    try {
      T result = write.get();
      mine.result.complete(result);
      return result;
    } catch (RuntimeException | Error e) {
      records.remove(key, mine);
      mine.result.completeExceptionally(e);
      throw e;
    }
  }

  public void clear() {
    records.clear();
  }

  private static <T> T resultOf(Record<?, T> record) {
    try {
      return record.result.join();
    } catch (CompletionException e) {
      // The first call failed while this one waited for it: fail the same way.
      if (e.getCause() instanceof Error error) {
        throw error;
      }
      throw (RuntimeException) e.getCause();
    }
  }

  private record Record<R, T>(R payload, CompletableFuture<T> result) {}
}
