package dev.queuelab.brokers;

import dev.queuelab.api.pubsub.broadcast.Broadcast;
import dev.queuelab.api.pubsub.broadcast.BroadcastConfig;
import dev.queuelab.api.pubsub.broadcast.Inbox;
import java.net.URI;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.Protocol.Command;
import redis.clients.jedis.exceptions.JedisConnectionException;
import redis.clients.jedis.exceptions.JedisDataException;

/**
 * The broadcast contract over a real Redis, through Jedis: each client is a connection of its own
 * ({@link RedisSubscriber}) sending SUBSCRIBE, UNSUBSCRIBE, PSUBSCRIBE and PUNSUBSCRIBE; a publish is PUBLISH on
 * the publisher's connection, answered with Redis's own count of receivers; a read takes what Redis pushed to
 * the client's connection. The buffer and its limits are Redis's: the config is given to the server as
 * {@code CONFIG SET client-output-buffer-limit "pubsub <hard> <soft> <seconds>"} (one setting for the whole
 * server, so runs side by side must share it: the scale gives every run the same), and Redis closes a slow
 * subscriber itself.
 *
 * <p>Invariants:
 *   RP1 channels and patterns carry the run's prefix, so runs side by side on one server never hear each other
 *       (the empty channel stays empty: Redis's glob matches it only with the empty pattern, and a prefix would
 *       make "*" match it)
 *   RP2 a client is connected while Redis lists its connection (CLIENT LIST ID); one Redis dropped is closed by
 *       its output buffer limit, confirmed from the client's side by reading its connection to the end
 *   RP3 a disconnect closes the socket and has Redis drop the connection at once (CLIENT KILL ID), so a publish
 *       right after never counts it: Redis would otherwise see the closed socket a moment later.
 *
 * <p>Thread-safety: one scenario, one thread. Real world: any Redis 7 client, a connection per subscriber.
 */
final class RedisPubSub implements Broadcast {

    private final URI url;
    private final BroadcastConfig config;
    private final Jedis publisher;
    private final String prefix;
    private final Map<String, RedisSubscriber> clients = new HashMap<>();
    /** Clients whose connection Redis closed, until they connect again. */
    private final Set<String> closed = new HashSet<>();

    RedisPubSub(RedisBroker redis, BroadcastConfig config, String prefix) {
        this.url = redis.url();
        this.config = config;
        this.prefix = prefix;
        this.publisher = redis.connect();
    }

    String real(String channel) {
        return channel.isEmpty() ? channel : prefix + channel;
    }

    String told(String channel) {
        return channel.startsWith(prefix) ? channel.substring(prefix.length()) : channel;
    }

    @Override
    public boolean connect(String client) {
        if (connected(client) != null) {
            return false;
        }
        closed.remove(client);
        clients.put(client, RedisSubscriber.open(url, this::told));
        return true;
    }

    @Override
    public boolean disconnect(String client) {
        RedisSubscriber s = connected(client);
        if (s == null) {
            return false;
        }
        clients.remove(client).close();
        kill(s.id());
        return true;
    }

    @Override
    public boolean subscribe(String client, String channel) {
        return command(client, Command.SUBSCRIBE, real(channel));
    }

    @Override
    public boolean unsubscribe(String client, String channel) {
        return command(client, Command.UNSUBSCRIBE, real(channel));
    }

    @Override
    public boolean psubscribe(String client, String pattern) {
        return command(client, Command.PSUBSCRIBE, real(pattern));
    }

    @Override
    public boolean punsubscribe(String client, String pattern) {
        return command(client, Command.PUNSUBSCRIBE, real(pattern));
    }

    private boolean command(String client, Command command, String target) {
        RedisSubscriber s = connected(client);
        if (s == null) {
            return false;
        }
        try {
            s.command(command, target);
            return true;
        } catch (JedisConnectionException e) {
            closedMeanwhile(client, s, e);
            return false;
        }
    }

    @Override
    public int publish(String channel, String payload) {
        Object receivers = publisher.sendCommand(Command.PUBLISH, real(channel), payload);
        return Math.toIntExact((Long) receivers);
    }

    @Override
    public Inbox read(String client, int max) {
        if (max < 1) {
            throw new IllegalArgumentException("max " + max + " is out of range: read 1 or more messages");
        }
        RedisSubscriber s = connected(client);
        if (s == null) {
            return new Inbox(
                    List.of(),
                    closed.contains(client) ? Inbox.State.CLOSED_OUTPUT_BUFFER_LIMIT : Inbox.State.NOT_CONNECTED);
        }
        try {
            return new Inbox(s.read(max), Inbox.State.CONNECTED);
        } catch (JedisConnectionException e) {
            closedMeanwhile(client, s, e);
            return new Inbox(List.of(), Inbox.State.CLOSED_OUTPUT_BUFFER_LIMIT); // what it read is lost with it
        }
    }

    /**
     * The connection ended under a call: Redis closed it after {@link #connected} found it listed (its cron
     * closes a client held over the soft limit at any moment). Redis must no longer list it (RP2).
     */
    private void closedMeanwhile(String client, RedisSubscriber s, JedisConnectionException e) {
        if (listed(s)) {
            throw e;
        }
        clients.remove(client).close();
        closed.add(client);
    }

    private boolean listed(RedisSubscriber s) {
        byte[] listed = (byte[]) publisher.sendCommand(Command.CLIENT, "LIST", "ID", Long.toString(s.id()));
        return listed.length > 0;
    }

    @Override
    public BroadcastConfig config() {
        return config;
    }

    /** The client's connection if Redis still lists it (RP2); a connection Redis dropped is closed here too. */
    private RedisSubscriber connected(String client) {
        RedisSubscriber s = clients.get(client);
        if (s == null) {
            return null;
        }
        if (listed(s)) {
            return s;
        }
        if (!s.closedByServer()) {
            throw new IllegalStateException(
                    "Redis no longer lists connection " + s.id() + " of " + client + ", yet it answers a PING");
        }
        clients.remove(client).close();
        closed.add(client);
        return null;
    }

    private void kill(long id) {
        try {
            publisher.sendCommand(Command.CLIENT, "KILL", "ID", Long.toString(id));
        } catch (JedisDataException e) {
            // Redis saw the socket close first: the connection is gone either way
        }
    }

    /** Closes every connection of the run (at the end of a check: a run has no end of its own). */
    void close() {
        clients.values().forEach(RedisSubscriber::close);
        clients.clear();
        try {
            publisher.close();
        } catch (RuntimeException e) {
            // the server stopped first
        }
    }
}
