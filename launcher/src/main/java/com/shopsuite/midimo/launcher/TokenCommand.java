package com.shopsuite.midimo.launcher;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code token SUBJECT ROLE...}: prints a bearer token of the development issuer that {@code
 * ./run.sh} set up, for trying the API with curl ({@code ./dev-token.sh} runs it).
 */
@Command(
    name = "token",
    mixinStandardHelpOptions = true,
    description = {
      "Prints a bearer token for the system ./run.sh runs, signed by its development issuer.",
      "Roles: customer, agent (act only as themselves), storefront (acts for anyone)."
    })
final class TokenCommand implements Callable<Integer> {

  @Parameters(index = "0", paramLabel = "SUBJECT", description = "The user id, e.g. customer_123")
  String subject;

  @Parameters(
      index = "1..*",
      arity = "1..*",
      paramLabel = "ROLE",
      description = "customer, agent or storefront")
  List<String> roles;

  @Option(
      names = "--valid-for",
      defaultValue = "60",
      description = "Minutes the token is valid. Default: ${DEFAULT-VALUE}.")
  long minutes;

  @Option(
      names = "--run-dir",
      defaultValue = "run",
      description = "Where ./run.sh keeps its state. Default: ${DEFAULT-VALUE}.")
  Path run;

  @Override
  public Integer call() {
    System.out.println(
        DevIssuer.load(run.resolve(RunCommand.DEV_ISSUER_DIR))
            .token(subject, roles, Duration.ofMinutes(minutes)));
    return 0;
  }
}
