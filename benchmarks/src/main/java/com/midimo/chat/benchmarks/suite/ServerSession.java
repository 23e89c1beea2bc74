package com.midimo.chat.benchmarks.suite;

import com.midimo.chat.benchmarks.system.ResidentMemory;
import com.midimo.chat.benchmarks.system.WildFlyServer;
import com.midimo.chat.emulator.launch.EmulatorProcess;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A fresh emulator, and a fresh WildFly in front of it, or none: what one group of runs measures.
 */
public final class ServerSession implements AutoCloseable {
  private final EmulatorProcess emulator;
  private final WildFlyServer server;
  private final ResidentMemory serverMemory;

  ServerSession(EmulatorProcess emulator, WildFlyServer server) {
    this.emulator = emulator;
    this.server = server;
    this.serverMemory = server == null ? null : new ResidentMemory(server.pid());
  }

  public EmulatorProcess emulator() {
    return emulator;
  }

  /** Only for a session with a server. */
  public WildFlyServer server() {
    if (server == null) {
      throw new IllegalStateException("this session has no WildFly");
    }
    return server;
  }

  /** WildFly's resident memory; null without a server. */
  public ResidentMemory serverMemory() {
    return serverMemory;
  }

  /** The processes whose CPU each run reports: name to pid. */
  public Map<String, Long> processes() {
    Map<String, Long> processes = new LinkedHashMap<>();
    if (server != null) {
      processes.put(Suite.WILDFLY, server.pid());
    }
    processes.put(Suite.EMULATOR, emulator.pid());
    return processes;
  }

  @Override
  public void close() {
    try {
      if (serverMemory != null) {
        serverMemory.close();
      }
      if (server != null) {
        server.close();
      }
    } finally {
      emulator.close();
    }
  }
}
