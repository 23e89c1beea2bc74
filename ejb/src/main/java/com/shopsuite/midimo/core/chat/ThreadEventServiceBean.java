package com.shopsuite.midimo.core.chat;

import com.shopsuite.midimo.chat.ThreadEventListener;
import com.shopsuite.midimo.chat.ThreadEventService;
import com.shopsuite.midimo.chat.ThreadEventSubscription;
import com.shopsuite.midimo.core.connection.MidimoChatChannels;
import jakarta.ejb.EJB;
import jakarta.ejb.Local;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;

/**
 * Live thread events. Not under the fault-tolerance policy: subscribing returns at once and the
 * stream's failure arrives on the listener later, where a retry would be the subscriber's to make
 * (a browser's EventSource reconnects by itself).
 */
@Stateless
@Local(ThreadEventService.class)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class ThreadEventServiceBean implements ThreadEventService {

  @EJB MidimoChatChannels channels;

  @Override
  public ThreadEventSubscription subscribe(String threadId, ThreadEventListener listener) {
    return channels.client().streamThreadEvents(threadId, listener);
  }
}
