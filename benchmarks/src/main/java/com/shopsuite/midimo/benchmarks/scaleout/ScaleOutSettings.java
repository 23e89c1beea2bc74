package com.shopsuite.midimo.benchmarks.scaleout;

import java.nio.file.Path;

/**
 * Where the built artifacts are and which ports the scenarios use.
 *
 * @param root the repository (the broker's distribution and configuration are found under it)
 * @param serverHome the remote-broker server ({@code wildfly-config/target/server-remote-broker})
 * @param ear the application
 * @param emulatorJar the Midimo Chat emulator
 * @param workDir every session's logs, configuration, broker instance and journal
 * @param brokerPort the standalone broker's acceptor
 * @param portOffset node 1's WildFly port offset; node k's is 10 (k - 1) more
 */
record ScaleOutSettings(
    Path root,
    Path serverHome,
    Path ear,
    Path emulatorJar,
    Path workDir,
    int brokerPort,
    int portOffset) {

  /** Ports of node k: the offset plus 10 (k - 1), as {@code ./run.sh --nodes} lays them out. */
  static final int NODE_PORT_STEP = 10;

  int portOffset(int node) {
    return portOffset + NODE_PORT_STEP * (node - 1);
  }
}
