package com.shopsuite.midimo.benchmarks.direct;

import com.midimo.chat.v1.ChatServiceGrpc;
import com.midimo.chat.v1.CreateThreadRequest;
import com.midimo.chat.v1.GetThreadMessagesRequest;
import com.midimo.chat.v1.GetThreadMessagesResponse;
import com.midimo.chat.v1.Message;
import com.midimo.chat.v1.SendMessageRequest;
import com.shopsuite.midimo.benchmarks.emulator.BenchmarkToken;
import com.shopsuite.midimo.benchmarks.load.AsyncCall;
import com.shopsuite.midimo.benchmarks.load.GrpcAnswers;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.netty.NettyChannelBuilder;
import io.grpc.stub.MetadataUtils;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A bare grpc-java client of the emulator: one channel, default settings, a token minted once, the
 * same requests the application sends (content, and an idempotency key on every write), spread over
 * a set of support threads as a storefront's traffic is.
 */
public final class DirectChat implements AutoCloseable {
  /** What every case posts: the same text the storefront's requests carry. */
  public static final String CONTENT = "Where is my order order_456?";

  /** A bound on every call, far above any latency measured: a stuck call is an error. */
  static final long DEADLINE_SECONDS = 10;

  private final ManagedChannel channel;
  private final ChatServiceGrpc.ChatServiceStub chat;
  private final List<String> threadIds;
  private final AtomicLong sequence = new AtomicLong();

  private DirectChat(ManagedChannel channel, String token, int threads) {
    this.channel = channel;
    this.chat =
        ChatServiceGrpc.newStub(channel)
            .withInterceptors(MetadataUtils.newAttachHeadersInterceptor(bearer(token)));
    ChatServiceGrpc.ChatServiceBlockingStub blocking =
        ChatServiceGrpc.newBlockingStub(channel)
            .withInterceptors(MetadataUtils.newAttachHeadersInterceptor(bearer(token)));
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < threads; i++) {
      ids.add(
          blocking
              .withDeadlineAfter(DEADLINE_SECONDS, TimeUnit.SECONDS)
              .createThread(
                  CreateThreadRequest.newBuilder()
                      .setUserId(customer(i))
                      .setTitle("Benchmark thread " + i)
                      .addParticipants("support_1")
                      .build())
              .getId());
    }
    this.threadIds = List.copyOf(ids);
  }

  public static DirectChat connect(int port, String secret, int threads) throws Exception {
    ManagedChannel channel = channel(port);
    try {
      return new DirectChat(channel, BenchmarkToken.mint(secret), threads);
    } catch (RuntimeException e) {
      channel.shutdownNow();
      throw e;
    }
  }

  /** A plaintext channel to the emulator on this machine, with grpc-java's defaults. */
  static ManagedChannel channel(int port) {
    return NettyChannelBuilder.forAddress("127.0.0.1", port).usePlaintext().build();
  }

  static Metadata bearer(String token) {
    Metadata headers = new Metadata();
    headers.put(
        Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER), "Bearer " + token);
    return headers;
  }

  static String customer(int thread) {
    return "customer_" + thread;
  }

  /** SendMessage to the next thread, round-robin, with a new idempotency key. */
  public AsyncCall sendMessage() {
    return () -> {
      GrpcAnswers.Observer<Message> answer = GrpcAnswers.observer();
      chat.withDeadlineAfter(DEADLINE_SECONDS, TimeUnit.SECONDS)
          .sendMessage(nextMessage(threadIds, sequence.getAndIncrement()), answer);
      return answer;
    };
  }

  /** GetThreadMessages of the next thread, round-robin: its newest {@code limit} messages. */
  public AsyncCall getMessages(int limit) {
    return () -> {
      int thread = (int) Math.floorMod(sequence.getAndIncrement(), (long) threadIds.size());
      GrpcAnswers.Observer<GetThreadMessagesResponse> answer = GrpcAnswers.observer();
      chat.withDeadlineAfter(DEADLINE_SECONDS, TimeUnit.SECONDS)
          .getThreadMessages(
              GetThreadMessagesRequest.newBuilder()
                  .setThreadId(threadIds.get(thread))
                  .setLimit(limit)
                  .build(),
              answer);
      return answer;
    };
  }

  /** The message the application would send for call number {@code n}. */
  static SendMessageRequest nextMessage(List<String> threadIds, long n) {
    int thread = (int) Math.floorMod(n, (long) threadIds.size());
    return SendMessageRequest.newBuilder()
        .setThreadId(threadIds.get(thread))
        .setUserId(customer(thread))
        .setContent(CONTENT)
        .setRequestId("bench-" + n)
        .build();
  }

  List<String> threadIds() {
    return threadIds;
  }

  @Override
  public void close() throws InterruptedException {
    channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
  }
}
