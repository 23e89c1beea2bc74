package com.shopsuite.midimo.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A user of WildFly's application realm ({@code ApplicationRealm}: remote JMS producers, remote EJB
 * clients), with the groups that become its roles.
 *
 * <p>Written to the base directory's {@code application-users.properties} and {@code
 * application-roles.properties} in the format {@code add-user.sh} writes ({@code
 * name=HEX(MD5(name:ApplicationRealm:password))}), without running it: {@code add-user.sh} takes
 * the password only as an argument, which every user of the machine can read in {@code ps}.
 */
public record ApplicationUser(String name, String password, List<String> groups) {

  public static final String REALM = "ApplicationRealm";

  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._@-]{1,64}");

  public ApplicationUser {
    Objects.requireNonNull(password, "password");
    if (name == null || !NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("not a valid application user name: " + name);
    }
    groups = List.copyOf(groups);
    groups.forEach(
        group -> {
          if (!NAME.matcher(group).matches()) {
            throw new IllegalArgumentException("not a valid group name: " + group);
          }
        });
  }

  public static ApplicationUser of(String name, String password, String... groups) {
    return new ApplicationUser(name, password, List.of(groups));
  }

  /** Adds this user to a server configuration directory's application realm files. */
  void addTo(Path configurationDir) {
    append(configurationDir.resolve("application-users.properties"), name + "=" + digest());
    append(
        configurationDir.resolve("application-roles.properties"),
        name + "=" + String.join(",", groups));
  }

  /** What the properties realm compares with: HEX(MD5(name ':' realm ':' password)). */
  String digest() {
    try {
      MessageDigest md5 = MessageDigest.getInstance("MD5");
      return HexFormat.of()
          .formatHex(
              md5.digest((name + ":" + REALM + ":" + password).getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("MD5 is part of every JVM", e);
    }
  }

  private static void append(Path file, String line) {
    try {
      String existing = Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
      String separator = existing.isEmpty() || existing.endsWith("\n") ? "" : "\n";
      Files.writeString(
          file,
          separator + line + "\n",
          StandardCharsets.UTF_8,
          StandardOpenOption.CREATE,
          StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot add an application user to " + file, e);
    }
  }

  @Override
  public String toString() {
    return "ApplicationUser[name=" + name + ", groups=" + groups + ", password=<redacted>]";
  }
}
