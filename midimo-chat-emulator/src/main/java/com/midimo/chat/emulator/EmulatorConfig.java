package com.midimo.chat.emulator;

import com.midimo.chat.emulator.auth.JwtKeys;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/** How an {@link EmulatorServer} behaves; the defaults are those of the command line. */
public final class EmulatorConfig {
  public static final String DEFAULT_JWT_ISSUER = "e-commerce";
  public static final Duration DEFAULT_TYPING_TIMEOUT = Duration.ofSeconds(10);
  public static final long DEFAULT_MAX_THREADS = 100_000;
  public static final long DEFAULT_MAX_MESSAGES = 1_000_000;
  public static final long DEFAULT_MAX_NOTIFICATIONS = 1_000_000;
  public static final long DEFAULT_MAX_PRESENCES = 1_000_000;
  public static final int DEFAULT_STREAM_BUFFER_EVENTS = 1_000;

  private final JwtKeys jwtKeys;
  private final String jwtIssuer;
  private final boolean faultControl;
  private final boolean callLog;
  private final Duration typingTimeout;
  private final long maxThreads;
  private final long maxMessages;
  private final long maxNotifications;
  private final long maxPresences;
  private final int streamBufferEvents;
  private final Clock clock;

  private EmulatorConfig(Builder builder) {
    this.jwtKeys = builder.jwtKeys;
    this.jwtIssuer = builder.jwtIssuer;
    this.faultControl = builder.faultControl;
    this.callLog = builder.callLog;
    this.typingTimeout = builder.typingTimeout;
    this.maxThreads = builder.maxThreads;
    this.maxMessages = builder.maxMessages;
    this.maxNotifications = builder.maxNotifications;
    this.maxPresences = builder.maxPresences;
    this.streamBufferEvents = builder.streamBufferEvents;
    this.clock = builder.clock;
  }

  /**
   * @param jwtKeys the secrets tokens are signed with: the one setting without a default
   */
  public static Builder builder(JwtKeys jwtKeys) {
    return new Builder(jwtKeys);
  }

  public JwtKeys jwtKeys() {
    return jwtKeys;
  }

  public String jwtIssuer() {
    return jwtIssuer;
  }

  public boolean faultControl() {
    return faultControl;
  }

  public boolean callLog() {
    return callLog;
  }

  public Duration typingTimeout() {
    return typingTimeout;
  }

  public long maxThreads() {
    return maxThreads;
  }

  public long maxMessages() {
    return maxMessages;
  }

  public long maxNotifications() {
    return maxNotifications;
  }

  public long maxPresences() {
    return maxPresences;
  }

  public int streamBufferEvents() {
    return streamBufferEvents;
  }

  public Clock clock() {
    return clock;
  }

  /** Builds a config; every setting but the keys has the command line's default. */
  public static final class Builder {
    private final JwtKeys jwtKeys;
    private String jwtIssuer = DEFAULT_JWT_ISSUER;
    private boolean faultControl;
    private boolean callLog = true;
    private Duration typingTimeout = DEFAULT_TYPING_TIMEOUT;
    private long maxThreads = DEFAULT_MAX_THREADS;
    private long maxMessages = DEFAULT_MAX_MESSAGES;
    private long maxNotifications = DEFAULT_MAX_NOTIFICATIONS;
    private long maxPresences = DEFAULT_MAX_PRESENCES;
    private int streamBufferEvents = DEFAULT_STREAM_BUFFER_EVENTS;
    private Clock clock = Clock.systemUTC();

    private Builder(JwtKeys jwtKeys) {
      this.jwtKeys = Objects.requireNonNull(jwtKeys, "jwtKeys");
    }

    public Builder jwtIssuer(String jwtIssuer) {
      this.jwtIssuer = Objects.requireNonNull(jwtIssuer);
      return this;
    }

    /** Serves EmulatorControl, and counts and faults the emulated services' calls. */
    public Builder faultControl(boolean faultControl) {
      this.faultControl = faultControl;
      return this;
    }

    /** One log line per call; off for benchmarks. */
    public Builder callLog(boolean callLog) {
      this.callLog = callLog;
      return this;
    }

    public Builder typingTimeout(Duration typingTimeout) {
      this.typingTimeout = positive("typing timeout", typingTimeout);
      return this;
    }

    public Builder maxThreads(long maxThreads) {
      this.maxThreads = positive("max threads", maxThreads);
      return this;
    }

    public Builder maxMessages(long maxMessages) {
      this.maxMessages = positive("max messages", maxMessages);
      return this;
    }

    public Builder maxNotifications(long maxNotifications) {
      this.maxNotifications = positive("max notifications", maxNotifications);
      return this;
    }

    public Builder maxPresences(long maxPresences) {
      this.maxPresences = positive("max presences", maxPresences);
      return this;
    }

    /** Events queued for a slow stream subscriber before its stream is ended. */
    public Builder streamBufferEvents(int streamBufferEvents) {
      this.streamBufferEvents = (int) positive("stream buffer events", streamBufferEvents);
      return this;
    }

    /** The clock of timestamps and token expiry (typing expiry itself runs on real time). */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock);
      return this;
    }

    public EmulatorConfig build() {
      return new EmulatorConfig(this);
    }

    private static long positive(String name, long value) {
      if (value < 1) {
        throw new IllegalArgumentException(name + " must be at least 1, not " + value);
      }
      return value;
    }

    private static Duration positive(String name, Duration value) {
      if (value.isNegative() || value.isZero()) {
        throw new IllegalArgumentException(name + " must be positive, not " + value);
      }
      return value;
    }
  }
}
