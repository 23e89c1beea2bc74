package com.shopsuite.midimo.benchmarks.resilience;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Established TCP connections of one process to one local port (Linux {@code /proc}): the gRPC
 * channels WildFly holds open to Midimo Chat.
 */
final class OpenConnections {
  private static final String ESTABLISHED = "01";

  private OpenConnections() {}

  /** -1 where {@code /proc} cannot be read. */
  static int of(long pid, int remotePort) {
    try {
      Set<String> inodes = socketInodes(pid);
      int count = 0;
      for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
        Path file = Path.of(table);
        if (!Files.exists(file)) {
          continue;
        }
        for (String line : Files.readAllLines(file)) {
          String[] fields = line.trim().split("\\s+");
          if (fields.length < 10 || !fields[3].equals(ESTABLISHED)) {
            continue;
          }
          String remote = fields[2];
          int port = Integer.parseInt(remote.substring(remote.indexOf(':') + 1), 16);
          if (port == remotePort && inodes.contains(fields[9])) {
            count++;
          }
        }
      }
      return count;
    } catch (IOException | RuntimeException e) {
      return -1;
    }
  }

  private static Set<String> socketInodes(long pid) throws IOException {
    Set<String> inodes = new HashSet<>();
    try (Stream<Path> fds = Files.list(Path.of("/proc", Long.toString(pid), "fd"))) {
      for (Path fd : fds.toList()) {
        try {
          String target = Files.readSymbolicLink(fd).toString();
          if (target.startsWith("socket:[")) {
            inodes.add(target.substring(8, target.length() - 1).toLowerCase(Locale.ROOT));
          }
        } catch (IOException e) {
          // closed meanwhile
        }
      }
    }
    return inodes;
  }
}
