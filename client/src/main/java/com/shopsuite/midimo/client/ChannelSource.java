package com.shopsuite.midimo.client;

import io.grpc.Channel;

/** Hands out a channel for one call. Whoever hands it out owns it; callers never close it. */
@FunctionalInterface
public interface ChannelSource {

  Channel next();
}
