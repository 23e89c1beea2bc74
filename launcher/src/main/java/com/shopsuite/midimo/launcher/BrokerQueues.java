package com.shopsuite.midimo.launcher;

import org.apache.activemq.artemis.api.core.client.ActiveMQClient;
import org.apache.activemq.artemis.api.core.client.ClientMessage;
import org.apache.activemq.artemis.api.core.client.ClientRequestor;
import org.apache.activemq.artemis.api.core.client.ClientSession;
import org.apache.activemq.artemis.api.core.client.ClientSessionFactory;
import org.apache.activemq.artemis.api.core.client.ServerLocator;
import org.apache.activemq.artemis.api.core.management.ManagementHelper;
import org.apache.activemq.artemis.api.core.management.ResourceNames;

/**
 * The standalone broker's queues, read through its management address as an operator would (what
 * {@code artemis queue stat} does): message counts with the scheduled and in-delivery ones, counts
 * by filter. For the tests and the scale-out scenarios; the nodes never need it.
 */
public final class BrokerQueues implements AutoCloseable {

  private static final long TIMEOUT_MILLIS = 10_000;

  private final ServerLocator locator;
  private final ClientSessionFactory factory;
  private final ClientSession session;
  private final ClientRequestor requestor;

  private BrokerQueues(
      ServerLocator locator,
      ClientSessionFactory factory,
      ClientSession session,
      ClientRequestor requestor) {
    this.locator = locator;
    this.factory = factory;
    this.session = session;
    this.requestor = requestor;
  }

  /** Connects to {@code url} (e.g. {@code tcp://localhost:61616}) as an operator. */
  public static BrokerQueues connect(String url, String operator, String password) {
    ServerLocator locator = null;
    try {
      locator = ActiveMQClient.createServerLocator(url).setCallTimeout(TIMEOUT_MILLIS);
      ClientSessionFactory factory = locator.createSessionFactory();
      ClientSession session =
          factory.createSession(operator, password, false, true, true, false, 1);
      ClientRequestor requestor = new ClientRequestor(session, "activemq.management");
      session.start();
      return new BrokerQueues(locator, factory, session, requestor);
    } catch (Exception e) {
      if (locator != null) {
        locator.close();
      }
      throw new IllegalStateException("cannot reach the broker's management at " + url, e);
    }
  }

  /** Every message of the queue: waiting, in delivery and scheduled. */
  public long messageCount(String queue) {
    return ((Number) attribute(queue, "messageCount")).longValue();
  }

  /** The messages of the queue that match a filter (a JMS selector). */
  public long count(String queue, String filter) {
    return ((Number) invoke(queue, "countMessages", filter)).longValue();
  }

  /**
   * Moves the messages of {@code queue} that match {@code filter} to {@code target}, in their
   * order: the redrive of dead-lettered order events. Returns how many moved.
   */
  public long moveMessages(String queue, String filter, String target) {
    return ((Number) invoke(queue, "moveMessages", filter, target)).longValue();
  }

  /** Consumers of the queue right now: one per session of every node's listener. */
  public long consumerCount(String queue) {
    return ((Number) attribute(queue, "consumerCount")).longValue();
  }

  private Object attribute(String queue, String attribute) {
    try {
      ClientMessage request = session.createMessage(false);
      ManagementHelper.putAttribute(request, ResourceNames.QUEUE + queue, attribute);
      return result(requestor.request(request, TIMEOUT_MILLIS), queue + "." + attribute);
    } catch (Exception e) {
      throw new IllegalStateException("cannot read " + queue + "." + attribute, e);
    }
  }

  private Object invoke(String queue, String operation, Object... arguments) {
    try {
      ClientMessage request = session.createMessage(false);
      ManagementHelper.putOperationInvocation(
          request, ResourceNames.QUEUE + queue, operation, arguments);
      return result(requestor.request(request, TIMEOUT_MILLIS), queue + "." + operation);
    } catch (Exception e) {
      throw new IllegalStateException("cannot invoke " + queue + "." + operation, e);
    }
  }

  private static Object result(ClientMessage reply, String what) throws Exception {
    if (reply == null) {
      throw new IllegalStateException("no answer to " + what);
    }
    if (!ManagementHelper.hasOperationSucceeded(reply)) {
      throw new IllegalStateException(what + " failed: " + ManagementHelper.getResult(reply));
    }
    return ManagementHelper.getResult(reply);
  }

  @Override
  public void close() {
    try {
      requestor.close();
      session.close();
    } catch (Exception e) {
      // closing anyway
    } finally {
      factory.close();
      locator.close();
    }
  }
}
