package com.shopsuite.midimo.benchmarks.fullpath;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.util.AttributeKey;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;

/**
 * The storefront's HTTP/1.1 client for the full path: Netty's HTTP codec on one event-loop thread,
 * requests built once and sent as they are, kept-alive connections reused, one per request in
 * flight, a new one opened when none is free.
 *
 * <p>Why not {@code java.net.http.HttpClient}: on this machine it took 0.29 ms of CPU per request
 * (0.63 of the 2 cores at 2,200 requests/s, as much as two thirds of what WildFly itself spent),
 * and handed every answer between two threads. On 2 cores shared with the server, the driver's cost
 * is taken from the server and counted against the integration; this one costs a fraction of that,
 * as case 1's gRPC client does.
 */
final class NettyHttpDriver implements AutoCloseable {
  private static final AttributeKey<CompletableFuture<Integer>> PENDING =
      AttributeKey.valueOf("pending");
  private static final int MAX_RESPONSE_BYTES = 1 << 20;
  private static final long TIMEOUT_SECONDS = 10;

  private final NioEventLoopGroup group =
      new NioEventLoopGroup(1, new DefaultThreadFactory("storefront-http", true));
  private final Bootstrap bootstrap;
  private final String host;
  private final ConcurrentLinkedQueue<Channel> idle = new ConcurrentLinkedQueue<>();

  NettyHttpDriver(URI base) {
    this.host = base.getHost() + ":" + base.getPort();
    this.bootstrap =
        new Bootstrap()
            .group(group)
            .channel(NioSocketChannel.class)
            .option(ChannelOption.TCP_NODELAY, true)
            .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, 10_000)
            .remoteAddress(base.getHost(), base.getPort())
            .handler(
                new ChannelInitializer<SocketChannel>() {
                  @Override
                  protected void initChannel(SocketChannel channel) {
                    channel
                        .pipeline()
                        .addLast(new HttpClientCodec())
                        .addLast(new HttpObjectAggregator(MAX_RESPONSE_BYTES))
                        .addLast(new ResponseHandler());
                  }
                });
  }

  /** A request to send any number of times: its body is shared, never consumed. */
  FullHttpRequest get(URI uri) {
    return request(HttpMethod.GET, uri, Unpooled.EMPTY_BUFFER);
  }

  FullHttpRequest postJson(URI uri, String json) {
    FullHttpRequest request =
        request(
            HttpMethod.POST,
            uri,
            Unpooled.unreleasableBuffer(
                Unpooled.copiedBuffer(json, StandardCharsets.UTF_8).asReadOnly()));
    request.headers().set(HttpHeaderNames.CONTENT_TYPE, HttpHeaderValues.APPLICATION_JSON);
    return request;
  }

  private FullHttpRequest request(HttpMethod method, URI uri, ByteBuf body) {
    String target = uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    FullHttpRequest request =
        new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, method, target, body);
    request.headers().set(HttpHeaderNames.HOST, host);
    request.headers().set(HttpHeaderNames.ACCEPT, HttpHeaderValues.APPLICATION_JSON);
    HttpUtil.setContentLength(request, body.readableBytes());
    HttpUtil.setKeepAlive(request, true);
    return request;
  }

  /**
   * Sends the request on a free connection (a new one if none is free). The stage completes when a
   * 2xx answer is in; it fails on any other status (saying which, with the start of the body), on a
   * broken connection, or after 10 s.
   */
  CompletionStage<Integer> send(FullHttpRequest request) {
    CompletableFuture<Integer> answer = new CompletableFuture<>();
    Channel channel = idle.poll();
    while (channel != null && !channel.isActive()) {
      channel = idle.poll();
    }
    if (channel != null) {
      write(channel, request, answer);
    } else {
      ChannelFuture connect = bootstrap.connect();
      connect.addListener(
          done -> {
            if (done.isSuccess()) {
              write(connect.channel(), request, answer);
            } else {
              answer.completeExceptionally(done.cause());
            }
          });
    }
    return answer.orTimeout(TIMEOUT_SECONDS, TimeUnit.SECONDS);
  }

  private void write(Channel channel, FullHttpRequest request, CompletableFuture<Integer> answer) {
    channel.attr(PENDING).set(answer);
    channel
        .writeAndFlush(request.retainedDuplicate())
        .addListener(
            written -> {
              if (!written.isSuccess()) {
                channel.close();
                answer.completeExceptionally(written.cause());
              }
            });
  }

  @Override
  public void close() {
    group.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
  }

  /** Hands the answer over, and the connection back to the free ones if it stays open. */
  private final class ResponseHandler extends SimpleChannelInboundHandler<FullHttpResponse> {
    ResponseHandler() {
      super(false);
    }

    @Override
    protected void channelRead0(ChannelHandlerContext context, FullHttpResponse response) {
      CompletableFuture<Integer> answer = context.channel().attr(PENDING).getAndSet(null);
      int status = response.status().code();
      String failure =
          status / 100 == 2
              ? null
              : "HTTP "
                  + status
                  + ": "
                  + response
                      .content()
                      .toString(
                          0,
                          Math.min(300, response.content().readableBytes()),
                          StandardCharsets.UTF_8);
      response.release();
      if (HttpUtil.isKeepAlive(response)) {
        idle.add(context.channel());
      } else {
        context.close();
      }
      if (answer == null) {
        return;
      }
      if (failure == null) {
        answer.complete(status);
      } else {
        answer.completeExceptionally(new IllegalStateException(failure));
      }
    }

    @Override
    public void channelInactive(ChannelHandlerContext context) {
      fail(context, new IllegalStateException("the server closed the connection"));
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext context, Throwable cause) {
      fail(context, cause);
      context.close();
    }

    private void fail(ChannelHandlerContext context, Throwable cause) {
      CompletableFuture<Integer> answer = context.channel().attr(PENDING).getAndSet(null);
      if (answer != null) {
        answer.completeExceptionally(cause);
      }
    }
  }
}
