package com.shopsuite.midimo.it.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.shopsuite.midimo.it.Deployments;
import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import jakarta.jms.BytesMessage;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.MapMessage;
import jakarta.jms.Message;
import jakarta.jms.Queue;
import jakarta.jms.QueueBrowser;
import java.time.Duration;
import java.util.Collections;
import java.util.Optional;
import java.util.Random;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The DLQ's copy of an event is the event as it arrived (body type, body of any size, properties,
 * headers), so an operator can move it back intact. Inside WildFly: only the application may read
 * the DLQ (messaging.cli), and a browse sees the bodies, which the management model does not show.
 */
@ExtendWith(ArquillianExtension.class)
class DeadLetterCopiesIT {

  @Deployment
  static EnterpriseArchive deployment() {
    return Deployments.applicationWith(DeadLetterCopiesIT.class);
  }

  @Inject JMSContext jms;

  @Resource(lookup = "java:/jms/queue/OrderEvents")
  Queue events;

  @Resource(lookup = "java:/jms/queue/OrderEventsDLQ")
  Queue deadLetters;

  @Test
  void aBytesEventOfAMebibyte_isDeadLetteredWithItsBodyPropertiesAndHeaders() throws Exception {
    byte[] body = new byte[1 << 20];
    new Random(7).nextBytes(body);
    BytesMessage sent = jms.createBytesMessage();
    sent.writeBytes(body);
    sent.setStringProperty("JMSXGroupID", "order_bytes");
    sent.setStringProperty("traceId", "trace-7");
    sent.setIntProperty("schemaVersion", 3);
    sent.setJMSCorrelationID("corr-7");
    sent.setJMSType("order-event");
    jms.createProducer().send(events, sent);

    // A large message is read while its browser is open.
    Message copy =
        awaitDeadLettered(
            sent.getJMSMessageID(),
            found -> assertThat(((BytesMessage) found).getBodyLength()).isEqualTo(body.length),
            found -> {
              byte[] copied = new byte[body.length];
              ((BytesMessage) found).readBytes(copied);
              assertThat(copied).isEqualTo(body);
            });
    assertThat(copy.getStringProperty("JMSXGroupID")).isEqualTo("order_bytes");
    assertThat(copy.getStringProperty("traceId")).isEqualTo("trace-7");
    assertThat(copy.getIntProperty("schemaVersion")).isEqualTo(3);
    assertThat(copy.getJMSCorrelationID()).isEqualTo("corr-7");
    assertThat(copy.getJMSType()).isEqualTo("order-event");
    assertThat(copy.getStringProperty("deadLetterCause")).isEqualTo("malformed");
    assertThat(copy.getStringProperty("deadLetterReason")).contains("text message");
  }

  @Test
  void aMapEvent_isDeadLetteredAsAMapWithEveryEntry() throws Exception {
    MapMessage sent = jms.createMapMessage();
    sent.setString("order_id", "order_map");
    sent.setLong("amount", 4200L);
    sent.setBytes("blob", new byte[] {1, 2, 3});
    jms.createProducer().send(events, sent);

    MapMessage copy = (MapMessage) awaitDeadLettered(sent.getJMSMessageID());

    assertThat(Collections.list(copy.getMapNames()))
        .containsExactlyInAnyOrder("order_id", "amount", "blob");
    assertThat(copy.getString("order_id")).isEqualTo("order_map");
    assertThat(copy.getLong("amount")).isEqualTo(4200L);
    assertThat(copy.getBytes("blob")).containsExactly(1, 2, 3);
  }

  /** The DLQ's copy of a message, once it is there, checked by {@code checks} while browsed. */
  private Message awaitDeadLettered(String originalMessageId, Check... checks) {
    String selector = "originalMessageId = '" + originalMessageId + "'";
    // In this thread: the injected JMSContext belongs to the test's request.
    return await()
        .pollInSameThread()
        .atMost(Duration.ofSeconds(30))
        .until(() -> browse(selector, checks), Optional::isPresent)
        .orElseThrow();
  }

  private Optional<Message> browse(String selector, Check... checks) throws JMSException {
    try (QueueBrowser browser = jms.createBrowser(deadLetters, selector)) {
      var messages = browser.getEnumeration();
      if (!messages.hasMoreElements()) {
        return Optional.empty();
      }
      Message found = (Message) messages.nextElement();
      for (Check check : checks) {
        check.on(found);
      }
      return Optional.of(found);
    }
  }

  private interface Check {
    void on(Message message) throws JMSException;
  }
}
