package com.shopsuite.midimo.benchmarks.profile;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Where a profile's samples went, as Markdown: by thread pool; within the request threads
 * (WildFly's {@code default task-N}), by component, each sample charged to the innermost frame that
 * belongs to a known library or to our code (a JDK frame is charged to the library that called it);
 * and the request threads' kernel time by the Java call that entered the kernel.
 */
public final class ProfileSummary {

  /** Package prefixes and the component each belongs to, most specific first. */
  private static final List<Map.Entry<String, String>> COMPONENTS =
      List.of(
          Map.entry("com/shopsuite/midimo/client/", "our client (client module)"),
          Map.entry("com/shopsuite/midimo/", "our code (web, ejb)"),
          Map.entry("io/grpc/", "grpc-java"),
          Map.entry("io/netty/", "Netty"),
          Map.entry("com/google/protobuf/", "protobuf"),
          Map.entry("io/smallrye/faulttolerance/", "SmallRye Fault Tolerance"),
          Map.entry("io/smallrye/jwt/", "token verification (SmallRye JWT, jose4j, RSA)"),
          Map.entry("org/jose4j/", "token verification (SmallRye JWT, jose4j, RSA)"),
          Map.entry("java/math/", "token verification (SmallRye JWT, jose4j, RSA)"),
          Map.entry("sun/security/", "token verification (SmallRye JWT, jose4j, RSA)"),
          Map.entry("org/glassfish/soteria/", "Jakarta Security (Soteria, JASPI bridge)"),
          Map.entry("org/wildfly/security/", "Elytron"),
          Map.entry("org/hibernate/validator/", "Bean Validation"),
          Map.entry("org/eclipse/yasson/", "JSON (Yasson, Parsson)"),
          Map.entry("org/eclipse/parsson/", "JSON (Yasson, Parsson)"),
          Map.entry("org/glassfish/json/", "JSON (Yasson, Parsson)"),
          Map.entry("org/jboss/resteasy/", "RESTEasy"),
          Map.entry("org/jboss/weld/", "Weld (CDI)"),
          Map.entry("org/jboss/as/ejb3/", "EJB container"),
          Map.entry("org/jboss/invocation/", "EJB container"),
          Map.entry("org/jboss/ejb/", "EJB container"),
          Map.entry("io/undertow/", "Undertow"),
          Map.entry("org/xnio/", "XNIO, JBoss Threads"),
          Map.entry("org/jboss/threads/", "XNIO, JBoss Threads"),
          Map.entry("org/jboss/logmanager/", "logging"),
          Map.entry("org/jboss/logging/", "logging"),
          Map.entry("io/micrometer/", "Micrometer"),
          Map.entry("org/jboss/", "WildFly, other"),
          Map.entry("org/wildfly/", "WildFly, other"));

  private static final Pattern DIGITS = Pattern.compile("\\d+");
  private static final String REQUEST_THREADS = "[default task-";

  private final Map<String, Long> byThread = new LinkedHashMap<>();
  private final Map<String, Long> byComponent = new LinkedHashMap<>();
  private final Map<String, Long> kernelByCaller = new LinkedHashMap<>();
  private long samples;
  private long requestSamples;

  private ProfileSummary() {}

  public static ProfileSummary of(Path collapsed) throws IOException {
    ProfileSummary summary = new ProfileSummary();
    try (BufferedReader lines = Files.newBufferedReader(collapsed, StandardCharsets.UTF_8)) {
      for (String line = lines.readLine(); line != null; line = lines.readLine()) {
        int space = line.lastIndexOf(' ');
        if (space > 0) {
          summary.add(line.substring(0, space), Long.parseLong(line.substring(space + 1)));
        }
      }
    }
    return summary;
  }

  private void add(String stack, long count) {
    samples += count;
    String[] frames = stack.split(";");
    String thread = DIGITS.matcher(frames[0].replaceAll(" tid=\\d+", "")).replaceAll("N");
    byThread.merge(thread, count, Long::sum);
    if (!frames[0].startsWith(REQUEST_THREADS)) {
      return;
    }
    requestSamples += count;
    byComponent.merge(component(frames), count, Long::sum);
    if (frames[frames.length - 1].endsWith("_[k]")) {
      kernelByCaller.merge(enteredKernelFrom(frames), count, Long::sum);
    }
  }

  /** The innermost frame's component; the kernel when the sample is in the kernel. */
  static String component(String[] frames) {
    if (frames[frames.length - 1].endsWith("_[k]")) {
      return "kernel (system calls, scheduling)";
    }
    for (int i = frames.length - 1; i > 0; i--) {
      for (Map.Entry<String, String> component : COMPONENTS) {
        if (frames[i].startsWith(component.getKey())) {
          return component.getValue();
        }
      }
    }
    return "JVM, JDK";
  }

  private static String enteredKernelFrom(String[] frames) {
    List<String> javaFrames = new ArrayList<>();
    for (String frame : frames) {
      if (frame.contains("/") && !frame.endsWith("_[k]")) {
        javaFrames.add(frame);
      }
    }
    List<String> innermost =
        new ArrayList<>(javaFrames.subList(Math.max(0, javaFrames.size() - 3), javaFrames.size()));
    Collections.reverse(innermost);
    return String.join(" ← ", innermost);
  }

  /** The summary as Markdown, headed by the profile's file name. */
  public String markdown(String title) {
    StringBuilder md = new StringBuilder();
    md.append("#### ").append(title).append("\n\n");
    md.append(String.format(Locale.ROOT, "%,d samples.%n%n", samples));
    md.append("| threads | share of all samples |\n|---|---:|\n");
    top(byThread, 10).forEach(e -> row(md, e.getKey(), e.getValue(), samples));
    md.append("\n| component, in the request threads | share of their samples |\n|---|---:|\n");
    top(byComponent, 30).forEach(e -> row(md, e.getKey(), e.getValue(), requestSamples));
    md.append("\n| request threads' kernel time, entered from | share of their samples |\n");
    md.append("|---|---:|\n");
    top(kernelByCaller, 8)
        .forEach(e -> row(md, "`" + e.getKey() + "`", e.getValue(), requestSamples));
    md.append('\n');
    return md.toString();
  }

  private static List<Map.Entry<String, Long>> top(Map<String, Long> counts, int limit) {
    return counts.entrySet().stream()
        .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder()))
        .limit(limit)
        .toList();
  }

  private static void row(StringBuilder md, String name, long count, long total) {
    md.append(
        String.format(
            Locale.ROOT, "| %s | %.1f %% |%n", name.replace("|", "\\|"), 100.0 * count / total));
  }

  /** Summarises every profile in {@code dir} into {@code dir/summary.md}; returns the text. */
  public static String summariseAll(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      return "";
    }
    StringBuilder all = new StringBuilder();
    try (var files = Files.list(dir)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".collapsed")).sorted().toList()) {
        all.append(of(file).markdown(file.getFileName().toString()));
      }
    }
    Files.writeString(dir.resolve("summary.md"), all.toString(), StandardCharsets.UTF_8);
    return all.toString();
  }
}
