package com.shopsuite.orders;

import jakarta.jms.JMSRuntimeException;
import jakarta.jms.JMSSecurityRuntimeException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Sends order events to a running server, as the suite's order system would. */
@Command(
    name = "send-order-event",
    mixinStandardHelpOptions = true,
    description = {
      "Publishes an order event on the OrderEvents queue of a running server, over its HTTP port,",
      "or, with --broker, of the standalone Artemis broker several nodes share, as the",
      "order-publisher user. The password is read from --password-file, or else from the",
      "ORDER_PUBLISHER_PASSWORD environment variable (never from the command line)."
    })
public final class SendOrderEvent implements Callable<Integer> {

  @Option(names = "--host", defaultValue = "localhost", description = "Default: ${DEFAULT-VALUE}.")
  String host;

  @Option(
      names = "--http-port",
      defaultValue = "8080",
      description = "The server's HTTP port. Default: ${DEFAULT-VALUE}.")
  int httpPort;

  @Option(
      names = "--broker",
      paramLabel = "HOST:PORT",
      description =
          "Send to this standalone Artemis broker (./run.sh --nodes 2: localhost:61616) instead"
              + " of a server's HTTP port.")
  String broker;

  @Option(
      names = "--user",
      defaultValue = "order-publisher",
      description = "Default: ${DEFAULT-VALUE}.")
  String user;

  @Option(names = "--password-file", description = "A file holding the user's password.")
  Path passwordFile;

  @Option(names = "--order", required = true, description = "The order id.")
  String orderId;

  @Option(names = "--customer", required = true, description = "The customer id.")
  String customerId;

  @Option(names = "--status", required = true, description = "e.g. Paid, Shipped, Delivered.")
  String status;

  @Option(names = "--message", description = "Text for the customer.")
  String message;

  @Option(names = "--product", description = "The product the update is about.")
  String productId;

  @Option(
      names = "--count",
      defaultValue = "1",
      description = "How many events to send (each its own event id). Default: ${DEFAULT-VALUE}.")
  int count;

  @Override
  public Integer call() throws IOException {
    String password = password();
    String target = broker != null ? broker : host + ":" + httpPort;
    try (OrderEventPublisher publisher = connect(password)) {
      for (int i = 0; i < count; i++) {
        OrderEventMessage event =
            OrderEventMessage.of(orderId, customerId, status, message).withProduct(productId);
        System.out.println("sent " + publisher.publish(event) + " for order " + orderId);
      }
      return 0;
    } catch (JMSSecurityRuntimeException e) {
      System.err.println("refused by the server: check the user (" + user + ") and its password");
      return 3;
    } catch (JMSRuntimeException e) {
      System.err.println(
          "cannot send to %s: %s (is it running? is %s right?)"
              .formatted(target, e.getMessage(), broker != null ? "--broker" : "--http-port"));
      return 2;
    }
  }

  private OrderEventPublisher connect(String password) {
    if (broker == null) {
      return OrderEventPublisher.connect(host, httpPort, user, password);
    }
    int colon = broker.lastIndexOf(':');
    if (colon <= 0 || colon == broker.length() - 1) {
      throw new CommandLine.ParameterException(
          new CommandLine(this), "--broker must be HOST:PORT, not " + broker);
    }
    try {
      return OrderEventPublisher.connectToBroker(
          broker.substring(0, colon),
          Integer.parseInt(broker.substring(colon + 1)),
          user,
          password);
    } catch (NumberFormatException e) {
      throw new CommandLine.ParameterException(
          new CommandLine(this), "--broker must be HOST:PORT, not " + broker);
    }
  }

  private String password() throws IOException {
    if (passwordFile != null) {
      return Files.readString(passwordFile, StandardCharsets.UTF_8).strip();
    }
    String fromEnvironment = System.getenv("ORDER_PUBLISHER_PASSWORD");
    if (fromEnvironment == null || fromEnvironment.isEmpty()) {
      throw new CommandLine.ParameterException(
          new CommandLine(this),
          "no password: give --password-file, or set ORDER_PUBLISHER_PASSWORD");
    }
    return fromEnvironment;
  }

  public static void main(String[] args) {
    System.exit(new CommandLine(new SendOrderEvent()).execute(args));
  }
}
