package com.shopsuite.midimo.core.connection;

import com.shopsuite.midimo.client.CallObserver;
import com.shopsuite.midimo.client.ChannelPool;
import com.shopsuite.midimo.client.ClientSettings;
import com.shopsuite.midimo.client.MidimoChatClient;
import com.shopsuite.midimo.client.ServiceHealth;
import com.shopsuite.midimo.client.StreamChannels;
import com.shopsuite.midimo.core.live.LiveSettings;
import com.shopsuite.midimo.health.MidimoChatProbe;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Local;
import jakarta.ejb.LocalBean;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.logging.Logger;

/**
 * Owns the pooled gRPC channels to Midimo Chat for the whole application: opened at deployment,
 * closed at undeployment. Everyone else borrows the {@link MidimoChatClient} built over them and
 * never closes it.
 *
 * <p>Opening makes no connection (channels connect on their first call), so the application deploys
 * while Midimo Chat is down; the readiness check, which probes through this bean (its {@link
 * MidimoChatProbe} view), reports the outage instead.
 */
@Singleton
@Startup
@LocalBean
@Local(MidimoChatProbe.class)
// The fields are written once in @PostConstruct and only read afterwards: no container lock
// needed on the hot path.
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class MidimoChatChannels implements MidimoChatProbe {

  private static final Logger LOG = Logger.getLogger(MidimoChatChannels.class.getName());

  @Inject MidimoChatConfiguration configuration;

  @Inject CallObserver callObserver;

  @Inject LiveSettings live;

  private ChannelPool pool;
  private StreamChannels streams;
  private MidimoChatClient client;
  private Duration healthTimeout;
  private String target;

  @PostConstruct
  void open() {
    ClientSettings settings = configuration.clientSettings();
    pool = ChannelPool.connect(settings.connection());
    // Event streams on connections of their own, never on the calls' (see StreamChannels).
    streams =
        ChannelPool.connectStreams(
            settings.connection(), live.streamsPerConnection(), live.streamConnections());
    client =
        MidimoChatClient.over(
            pool, streams, settings, configuration.currentJwtSettings(), callObserver);
    healthTimeout = settings.callTimeout();
    target = settings.connection().host() + ":" + settings.connection().port();
    LOG.info(
        () ->
            ("Midimo Chat at %s:%d (%s), %d pooled channel(s), call deadline %s; event streams"
                    + " on up to %d more connection(s) of %d streams")
                .formatted(
                    settings.connection().host(),
                    settings.connection().port(),
                    settings.connection().secure() ? "TLS" : "plaintext",
                    pool.size(),
                    settings.callTimeout(),
                    live.streamConnections(),
                    live.streamsPerConnection()));
  }

  /** The shared client. Borrowed: do not close it. */
  public MidimoChatClient client() {
    return client;
  }

  @Override
  public ServiceHealth health() {
    return client.checkHealth(healthTimeout);
  }

  @Override
  public String target() {
    return target;
  }

  @Override
  public boolean channelsOpen() {
    return pool != null && !pool.isShutdown();
  }

  @PreDestroy
  void close() {
    if (streams != null) {
      streams.close();
    }
    pool.close();
    LOG.info(() -> "Midimo Chat channels closed (terminated: " + pool.isTerminated() + ")");
  }
}
