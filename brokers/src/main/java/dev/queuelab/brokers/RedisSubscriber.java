package dev.queuelab.brokers;

import dev.queuelab.api.pubsub.broadcast.Pushed;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import redis.clients.jedis.Connection;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.DefaultJedisSocketFactory;
import redis.clients.jedis.JedisClientConfig;
import redis.clients.jedis.JedisSocketFactory;
import redis.clients.jedis.Protocol.Command;
import redis.clients.jedis.exceptions.JedisConnectionException;
import redis.clients.jedis.util.JedisURIHelper;

/**
 * One subscriber's own connection to Redis, read only when its client reads: what Redis pushed and the client
 * has not read stays in Redis's output buffer for that connection (behind the kernel's socket buffers), which is
 * what {@code client-output-buffer-limit pubsub} measures. A connection read ahead by a thread of its own would
 * hold every message in this JVM instead, and Redis would never see a slow subscriber.
 *
 * <p>Invariants:
 *   RW1 a read ends at the answer to a PING sent behind every message published before it: a message on its way
 *       is waited for (up to the socket timeout), and one published after the read is never waited for
 *   RW2 a read takes at most {@code max} messages off the connection; its PING's answer, left behind them, is
 *       skipped by a later read
 *   RW3 a SUBSCRIBE (and the three others) returns once Redis confirmed it; what Redis pushed before the
 *       confirmation is kept, in order, for the next read.
 *
 * <p>The socket asks for a small receive buffer, so that the bytes between Redis's count and the client (the
 * kernel's buffers on both ends) stay well under half of {@link BroadcastTimeScale#BYTES}.
 * Thread-safety: one thread. Real world: a Jedis pub/sub connection whose listener thread is the caller's.
 */
final class RedisSubscriber implements AutoCloseable {

    /** The socket's receive buffer: the kernel doubles it; Redis's send buffer on loopback is some 2.6 MB more. */
    static final int RECEIVE_BUFFER = 16 * 1024;

    /** The connection, with the two calls Jedis keeps protected: a command sent at once, a reply read. */
    private static final class Wire extends Connection {
        Wire(JedisSocketFactory sockets, JedisClientConfig config) {
            super(sockets, config);
        }

        void send(Command command, String... args) {
            sendCommand(command, args);
            flush();
        }

        Object next() {
            return getUnflushedObject();
        }
    }

    private final Wire wire;
    private final long id;
    private final UnaryOperator<String> told;
    private final ArrayDeque<Pushed> ahead = new ArrayDeque<>();
    private long pings;

    private RedisSubscriber(Wire wire, UnaryOperator<String> told) {
        this.wire = wire;
        this.told = told;
        wire.send(Command.CLIENT, "ID");
        this.id = (Long) wire.next();
    }

    /** A new connection to the server at {@code url}; {@code told} takes the run's prefix off a channel. */
    @SuppressWarnings("deprecation") // ssl(boolean): the plain switch a rediss:// address asks for
    static RedisSubscriber open(URI url, UnaryOperator<String> told) {
        DefaultJedisClientConfig.Builder config = DefaultJedisClientConfig.builder()
                .resp2()
                .connectionTimeoutMillis(5_000)
                .socketTimeoutMillis(10_000)
                .user(JedisURIHelper.getUser(url))
                .password(JedisURIHelper.getPassword(url))
                .ssl(JedisURIHelper.isRedisSSLScheme(url));
        JedisClientConfig c = config.build();
        JedisSocketFactory sockets =
                c.isSsl() ? new DefaultJedisSocketFactory(JedisURIHelper.getHostAndPort(url), c) : () -> socket(url);
        return new RedisSubscriber(new Wire(sockets, c), told);
    }

    private static Socket socket(URI url) {
        try {
            Socket s = new Socket();
            s.setReceiveBufferSize(RECEIVE_BUFFER); // before connect: the window is agreed then
            s.setTcpNoDelay(true);
            s.connect(new InetSocketAddress(url.getHost(), url.getPort()), 5_000);
            s.setSoTimeout(10_000);
            return s;
        } catch (IOException e) {
            throw new JedisConnectionException(e);
        }
    }

    /** Redis's id for this connection (CLIENT ID), as CLIENT LIST and CLIENT KILL name it. */
    long id() {
        return id;
    }

    /** Sends SUBSCRIBE, UNSUBSCRIBE, PSUBSCRIBE or PUNSUBSCRIBE and waits for Redis's confirmation (RW3). */
    void command(Command command, String target) {
        wire.send(command, target);
        String kind = command.name().toLowerCase(java.util.Locale.ROOT);
        while (true) {
            Object reply = wire.next();
            if (reply instanceof List<?> l
                    && text(l.get(0)).equals(kind)
                    && text(l.get(1)).equals(target)) {
                return;
            }
            keep(reply, ahead, Integer.MAX_VALUE);
        }
    }

    /** Up to {@code max} of the oldest messages on the connection (RW1, RW2). */
    List<Pushed> read(int max) {
        List<Pushed> out = new ArrayList<>();
        while (out.size() < max && !ahead.isEmpty()) {
            out.add(ahead.poll());
        }
        if (out.size() == max) {
            return out;
        }
        String token = "queuelab-read-" + ++pings;
        wire.send(Command.PING, token);
        while (out.size() < max) {
            Object reply = wire.next();
            if (token.equals(pong(reply))) {
                break;
            }
            keep(reply, out, max);
        }
        return out;
    }

    /**
     * Reads to the end of a connection the server says it closed, so the client sees it closed too (what was on
     * its way is dropped, as the closed client loses it); false if a PING comes back after all.
     */
    boolean closedByServer() {
        String token = "queuelab-closed-" + ++pings;
        try {
            wire.send(Command.PING, token);
            while (!token.equals(pong(wire.next()))) {
                // what the server sent before it closed the connection: lost with it
            }
            return false;
        } catch (JedisConnectionException e) {
            return true;
        }
    }

    /** A message or a pattern message becomes one the client reads; a PING's late answer is skipped (RW2). */
    private void keep(Object reply, java.util.Collection<Pushed> into, int max) {
        if (pong(reply) != null) {
            return;
        }
        if (!(reply instanceof List<?> l) || into.size() >= max) {
            throw new IllegalStateException("Redis pushed " + reply + " where a message was expected");
        }
        String kind = text(l.get(0));
        if (kind.equals("message")) {
            into.add(Pushed.message(told.apply(text(l.get(1))), text(l.get(2))));
        } else if (kind.equals("pmessage")) {
            into.add(Pushed.pmessage(told.apply(text(l.get(1))), told.apply(text(l.get(2))), text(l.get(3))));
        } else if (!kind.endsWith("subscribe")) {
            throw new IllegalStateException("Redis pushed '" + kind + "' where a message was expected");
        }
    }

    /** A PING's answer: its argument ([pong, arg] while subscribed, the bare argument when not); else null. */
    private static String pong(Object reply) {
        if (reply instanceof byte[] b) {
            return text(b);
        }
        if (reply instanceof List<?> l && l.size() == 2 && text(l.get(0)).equals("pong")) {
            return text(l.get(1));
        }
        return null;
    }

    private static String text(Object o) {
        return o instanceof byte[] b ? new String(b, StandardCharsets.UTF_8) : String.valueOf(o);
    }

    @Override
    public void close() {
        try {
            wire.close();
        } catch (RuntimeException e) {
            // already closed by the server
        }
    }
}
