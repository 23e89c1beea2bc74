package com.shopsuite.midimo.core.chat;

import com.shopsuite.midimo.chat.ChatMessage;
import com.shopsuite.midimo.client.MidimoChatClient;
import com.shopsuite.midimo.context.LogText;
import com.shopsuite.midimo.core.connection.MidimoChatConfiguration;
import com.shopsuite.midimo.core.resilience.FaultToleranceTranslator;
import com.shopsuite.midimo.error.MidimoChatException;
import com.shopsuite.midimo.notification.NotificationCategory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A message posted tells the thread's other participants ({@code CHAT_MESSAGE}, data {@code
 * thread_id} and {@code message_id}): an agent's unread counts, a customer's "you have a reply".
 * Never the sender nor the suite's system user. Keyed by the message id, so a message posted again
 * under its idempotency key notifies nobody twice. A notification that fails after its retries is
 * logged and left: the message itself is posted, and what the inbox misses the thread still shows.
 */
@ApplicationScoped
public class MessageNotifications {

  static final int PREVIEW_CHARS = 200;

  private static final Logger LOG = Logger.getLogger(MessageNotifications.class.getName());

  @Inject MidimoChatConfiguration configuration;

  @Inject FaultToleranceTranslator guarded;

  void tellTheOthers(ChatMessage message, List<String> participants, MidimoChatClient client) {
    for (String recipient : participants) {
      if (recipient.equals(message.userId()) || recipient.equals(configuration.systemUserId())) {
        continue;
      }
      try {
        guarded.call(
            () ->
                client.sendNotification(
                    recipient,
                    "New message from " + message.userId(),
                    preview(message.content()),
                    NotificationCategory.CHAT_MESSAGE,
                    Map.of("thread_id", message.threadId(), "message_id", message.id()),
                    "chat-message-" + message.id()));
      } catch (MidimoChatException e) {
        LOG.log(
            Level.WARNING,
            () ->
                "message "
                    + LogText.of(message.id())
                    + " of thread "
                    + LogText.of(message.threadId())
                    + ": notifying a participant failed: "
                    + LogText.of(e.getMessage()));
      }
    }
  }

  private static String preview(String content) {
    return content.length() <= PREVIEW_CHARS
        ? content
        : content.substring(0, PREVIEW_CHARS - 1) + "\u2026";
  }
}
