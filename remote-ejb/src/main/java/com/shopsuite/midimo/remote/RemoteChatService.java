package com.shopsuite.midimo.remote;

import com.shopsuite.midimo.chat.ChatMessage;
import com.shopsuite.midimo.chat.ChatService;
import com.shopsuite.midimo.chat.ChatThread;
import com.shopsuite.midimo.chat.MessagePage;
import com.shopsuite.midimo.chat.SupportThread;
import com.shopsuite.midimo.chat.ThreadPage;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Remote;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.interceptor.Interceptors;
import java.util.List;
import java.util.Map;
import org.jboss.ejb3.annotation.SecurityDomain;

/** {@link ChatService} for the rest of the suite: {@code ejb:/midimo-chat-remote/ChatService}. */
@Stateless(name = "ChatService")
@Remote(ChatService.class)
@SecurityDomain(SuiteService.SECURITY_DOMAIN)
@RolesAllowed(SuiteService.ROLE)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
@Interceptors(DetachedFailures.class)
public class RemoteChatService implements ChatService {

  @EJB(lookup = SuiteService.APPLICATION + "ChatServiceBean!com.shopsuite.midimo.chat.ChatService")
  ChatService chat;

  @Override
  public ChatThread createThread(
      String userId,
      String title,
      List<String> participants,
      Map<String, String> metadata,
      String idempotencyKey) {
    return chat.createThread(userId, title, participants, metadata, idempotencyKey);
  }

  @Override
  public ThreadPage threadsOf(String userId, int pageSize, String pageToken) {
    return chat.threadsOf(userId, pageSize, pageToken);
  }

  @Override
  public boolean isParticipant(String threadId, String userId) {
    return chat.isParticipant(threadId, userId);
  }

  @Override
  public SupportThread createSupportThread(String customerId, String orderId, String productId) {
    return chat.createSupportThread(customerId, orderId, productId);
  }

  @Override
  public ChatThread findSupportThread(String orderId) {
    return chat.findSupportThread(orderId);
  }

  @Override
  public ChatThread getThread(String threadId) {
    return chat.getThread(threadId);
  }

  @Override
  public MessagePage getThreadMessages(String threadId, int limit, String beforeId) {
    return chat.getThreadMessages(threadId, limit, beforeId);
  }

  @Override
  public ChatMessage sendMessage(
      String threadId,
      String userId,
      String content,
      List<String> attachmentIds,
      String idempotencyKey) {
    return chat.sendMessage(threadId, userId, content, attachmentIds, idempotencyKey);
  }

  @Override
  public ChatMessage postOrderUpdate(
      String customerId,
      String orderId,
      String productId,
      String status,
      String message,
      String idempotencyKey) {
    return chat.postOrderUpdate(customerId, orderId, productId, status, message, idempotencyKey);
  }

  @Override
  public ChatMessage sendOrderUpdateMessage(
      String threadId, String orderId, String status, String message, String idempotencyKey) {
    return chat.sendOrderUpdateMessage(threadId, orderId, status, message, idempotencyKey);
  }
}
