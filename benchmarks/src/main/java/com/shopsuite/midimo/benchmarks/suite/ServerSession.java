package com.shopsuite.midimo.benchmarks.suite;

import com.shopsuite.midimo.benchmarks.system.ResidentMemory;
import com.shopsuite.midimo.launcher.EmulatorProcess;
import com.shopsuite.midimo.launcher.ServerBase;
import com.shopsuite.midimo.launcher.WildFlyNode;
import java.io.IOException;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A fresh emulator, and a fresh WildFly in front of it, or none: what one group of runs measures.
 */
public final class ServerSession implements AutoCloseable {
  private static final Pattern POOL_SIZE = Pattern.compile("(\\d+) pooled channel\\(s\\)");

  private final EmulatorProcess emulator;
  private final ServerBase base;
  private volatile WildFlyNode server;
  private final String orderPublisherPassword;
  private final String storefrontToken;
  private volatile ResidentMemory serverMemory;

  ServerSession(
      EmulatorProcess emulator,
      ServerBase base,
      WildFlyNode server,
      String orderPublisherPassword,
      String storefrontToken) {
    this.emulator = emulator;
    this.base = base;
    this.server = server;
    this.orderPublisherPassword = orderPublisherPassword;
    this.storefrontToken = storefrontToken;
    this.serverMemory = server == null ? null : new ResidentMemory(server.pid());
  }

  public EmulatorProcess emulator() {
    return emulator;
  }

  /** Only for a session with a server. */
  public WildFlyNode server() {
    if (server == null) {
      throw new IllegalStateException("this session has no WildFly");
    }
    return server;
  }

  /**
   * A crash and a restart: WildFly killed with SIGKILL (nothing flushed, nothing closed), then
   * started again on the same base directory (its journal, transaction log and deployments), ready.
   */
  public WildFlyNode crashAndRestart() {
    WildFlyNode crashed = server();
    if (serverMemory != null) {
      serverMemory.close();
    }
    crashed.kill();
    server = base.start();
    serverMemory = new ResidentMemory(server.pid());
    return server;
  }

  /** The password of the order-publisher user of this session's server. */
  public String orderPublisherPassword() {
    return orderPublisherPassword;
  }

  /** A bearer token of the storefront role, from the issuer this session's server trusts. */
  public String storefrontToken() {
    return storefrontToken;
  }

  /** The pool size the application reports at deployment ("N pooled channel(s)"). */
  public Optional<Integer> deployedPoolSize() {
    try {
      Matcher matcher = POOL_SIZE.matcher(Files.readString(server().log("server.log")));
      return matcher.find() ? Optional.of(Integer.parseInt(matcher.group(1))) : Optional.empty();
    } catch (IOException e) {
      return Optional.empty();
    }
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
