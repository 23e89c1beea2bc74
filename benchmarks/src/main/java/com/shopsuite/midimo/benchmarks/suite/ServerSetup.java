package com.shopsuite.midimo.benchmarks.suite;

import java.nio.file.Path;
import java.util.List;

/**
 * What every WildFly session of the suite starts from.
 *
 * @param serverHome the provisioned server (JBOSS_HOME)
 * @param ear the application
 * @param floorWar the floor's WAR ({@code benchmark-floor}), deployed beside the EAR only for the
 *     sessions that measure it; null where nothing does
 * @param portOffset added to 8080 (HTTP) and 9990 (management)
 * @param jvmOptions added to standalone.conf's (e.g. a flight recording)
 */
public record ServerSetup(
    Path serverHome, Path ear, Path floorWar, int portOffset, List<String> jvmOptions) {

  public ServerSetup {
    jvmOptions = List.copyOf(jvmOptions);
  }
}
