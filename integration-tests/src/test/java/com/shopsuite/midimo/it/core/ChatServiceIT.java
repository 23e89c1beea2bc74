package com.shopsuite.midimo.it.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.shopsuite.midimo.chat.ChatMessage;
import com.shopsuite.midimo.chat.ChatService;
import com.shopsuite.midimo.chat.ChatThread;
import com.shopsuite.midimo.chat.SupportThread;
import com.shopsuite.midimo.error.AuthorizationException;
import com.shopsuite.midimo.error.ResourceNotFoundException;
import com.shopsuite.midimo.it.Deployments;
import com.shopsuite.midimo.it.Emulator;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The ChatService EJB, injected in WildFly, calling the emulator for real. */
@ExtendWith(ArquillianExtension.class)
class ChatServiceIT {

  @Deployment
  static EnterpriseArchive deployment() {
    return Deployments.applicationWith(ChatServiceIT.class);
  }

  @Inject ChatService chat;

  @BeforeEach
  void emptyMidimoChat() {
    Emulator.reset();
  }

  @Test
  void createSupportThread_thenAgain_givesTheSameThread_createdOnce() {
    SupportThread first = chat.createSupportThread("customer_123", "order_456", "product_789");
    SupportThread again = chat.createSupportThread("customer_123", "order_456", "product_789");

    assertThat(first.created()).isTrue();
    assertThat(again.created()).isFalse();
    assertThat(again.thread().id()).isEqualTo(first.thread().id());
    ChatThread thread = first.thread();
    assertThat(thread.participants()).contains("customer_123", "ecommerce-system");
    assertThat(thread.metadata())
        .containsEntry("source", "e_commerce")
        .containsEntry("type", "support")
        .containsEntry("order_id", "order_456")
        .containsEntry("product_id", "product_789");
    assertThat(Emulator.stats().getThreads()).isEqualTo(1);
  }

  @Test
  void createSupportThread_from16CallersAtOnce_createsOneThread() throws Exception {
    ExecutorService callers = Executors.newFixedThreadPool(16);
    try {
      List<Callable<String>> asks =
          IntStream.range(0, 16)
              .<Callable<String>>mapToObj(
                  i -> () -> chat.createSupportThread("c-race", "o-race", null).thread().id())
              .toList();
      Set<String> ids = ConcurrentHashMap.newKeySet();
      for (Future<String> answer : callers.invokeAll(asks)) {
        ids.add(answer.get());
      }

      assertThat(ids).hasSize(1);
      assertThat(Emulator.stats().getThreads()).isEqualTo(1);
    } finally {
      callers.shutdownNow();
    }
  }

  @Test
  void createSupportThread_racingForOneOrderAboutDifferentProducts_convergesOnOneThread()
      throws Exception {
    ExecutorService callers = Executors.newFixedThreadPool(8);
    try {
      // The same idempotency key with different titles: all but the first create are conflicts.
      List<Callable<String>> asks =
          IntStream.range(0, 8)
              .<Callable<String>>mapToObj(
                  i ->
                      () ->
                          chat.createSupportThread("c-race", "o-products", "product-" + i)
                              .thread()
                              .id())
              .toList();
      Set<String> ids = ConcurrentHashMap.newKeySet();
      for (Future<String> answer : callers.invokeAll(asks)) {
        ids.add(answer.get());
      }

      assertThat(ids).hasSize(1);
      assertThat(Emulator.stats().getThreads()).isEqualTo(1);
    } finally {
      callers.shutdownNow();
    }
  }

  @Test
  void findSupportThread_findsTheOrdersThread_andNoneForAnotherOrder() {
    SupportThread created = chat.createSupportThread("c1", "o1", null);

    assertThat(chat.findSupportThread("o1").id()).isEqualTo(created.thread().id());
    assertThatThrownBy(() -> chat.findSupportThread("o2"))
        .isInstanceOf(ResourceNotFoundException.class)
        .hasMessageContaining("o2");
  }

  @Test
  void sendOrderUpdateMessage_postsAsTheSystemUser_withStructuredMetadata_once() {
    String threadId = chat.createSupportThread("c1", "o1", null).thread().id();

    ChatMessage posted =
        chat.sendOrderUpdateMessage(
            threadId, "o1", "Delivered", "Your order was delivered successfully!", "event-1");
    ChatMessage replayed =
        chat.sendOrderUpdateMessage(
            threadId, "o1", "Delivered", "Your order was delivered successfully!", "event-1");

    assertThat(replayed.id()).isEqualTo(posted.id());
    assertThat(posted.userId()).isEqualTo("ecommerce-system");
    assertThat(posted.content())
        .isEqualTo("Order o1: Delivered. Your order was delivered successfully!");
    assertThat(posted.metadata())
        .containsEntry("type", "order_update")
        .containsEntry("order_id", "o1")
        .containsEntry("status", "Delivered");
    assertThat(chat.getThreadMessages(threadId, 50, null).messages()).hasSize(1);
  }

  @Test
  void getThread_isServedFromTheCache_whileFresh() {
    String threadId = chat.createSupportThread("c1", "o1", null).thread().id();
    Emulator.reset();

    // The thread is gone from the emulator, but this node cached it when it created it.
    assertThat(chat.getThread(threadId).id()).isEqualTo(threadId);
    assertThat(Emulator.calls("ChatService/GetThread")).isZero();
  }

  @Test
  void getThread_ofAnUnknownThread_isResourceNotFound_andIsNotCached() {
    assertThatThrownBy(() -> chat.getThread("no-such-thread"))
        .isInstanceOf(ResourceNotFoundException.class);
    assertThatThrownBy(() -> chat.getThread("no-such-thread"))
        .isInstanceOf(ResourceNotFoundException.class);
    assertThat(Emulator.calls("ChatService/GetThread")).isEqualTo(2);
  }

  @Test
  void sendMessage_byAStranger_isAnAuthorizationError_reachingTheCallerUnwrapped() {
    String threadId = chat.createSupportThread("c1", "o1", null).thread().id();

    assertThatThrownBy(() -> chat.sendMessage(threadId, "stranger", "hi", List.of(), null))
        .isExactlyInstanceOf(AuthorizationException.class);
  }
}
