package dev.queuelab.reference.pubsub.broadcast;

import dev.queuelab.api.pubsub.broadcast.Broadcast;
import dev.queuelab.api.pubsub.broadcast.BroadcastConfig;
import dev.queuelab.api.pubsub.broadcast.Inbox;
import dev.queuelab.api.pubsub.broadcast.Pushed;
import dev.queuelab.reference.pubsub.Utf8;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Ephemeral publish/subscribe in the style of Redis: channels, glob patterns and an output buffer per client.
 *
 * <p>Teaches: a broadcast is at-most-once and stores nothing; a subscriber gets only what was published
 * while it was connected and subscribed, and a slow one is cut off rather than allowed to slow the others.
 * Invariants:
 *   BC1 a message goes only to clients connected and subscribed (by channel or pattern) when it is published:
 *       nothing is kept for a client that is offline, unsubscribed or subscribes later;
 *   BC2 each subscription that matches gets the message exactly once: a client matched by its channel and by
 *       k patterns gets 1 + k messages (a {@code message} and k {@code pmessage}s);
 *   BC3 PUBLISH answers the number of receivers counted as in BC2, those it closes on the way included;
 *   BC4 a client reads its messages in publish order (one buffer per connection);
 *   BC5 patterns match as Redis's glob ({@link Glob});
 *   BC6 when a message appended to a client's buffer leaves it at or over the hard limit, or at or over the
 *       soft limit and more than softSeconds after it was first seen there, the server closes that client:
 *       its buffer and subscriptions are dropped and its next read says so; a buffer seen under the soft
 *       limit at an append forgets when it was over;
 *   BC7 a slow client never delays or shortens another's messages: the publish goes on past it.
 * Thread-safety: every public method holds this object's monitor for its whole call.
 * Real world: Redis PUBLISH/SUBSCRIBE/PSUBSCRIBE with client-output-buffer-limit pubsub (default 32mb 8mb 60).
 * Simpler than Redis (see docs/pub-sub/broadcast.md): the buffer counts payload bytes only, the soft-limit
 * clock is whole seconds of the injected clock as Redis's server.unixtime, and patterns of one publish are
 * tried in the order they were subscribed (Redis's order is its dictionary's).
 *
 * <p>Shape: a client subscribed to exactly one channel and no pattern reads that channel's {@link ChannelLog}
 * through a cursor (its buffer is the run from the cursor to the head, so a publish appends once however many
 * such clients read); any other client has an {@link OutputBuffer} of its own, and a client that changes
 * subscriptions moves what it has not read from the log to its own buffer first.
 */
public final class RedisBroadcast implements Broadcast {

    private final BroadcastConfig config;
    private final InstantSource clock;
    private final BroadcastRules rules;
    private final Map<String, Client> clients = new HashMap<>();
    private final Map<String, Set<Client>> channels = new HashMap<>();
    private static final Client[] NONE = {};
    /** Each channel's subscribers as an array (made when they change) and the log its one-channel clients read. */
    private final Map<String, Channel> subscribers = new HashMap<>();
    /** Every pattern subscription, oldest first: pattern to the clients holding it, in subscription order. */
    private final Map<String, Set<Client>> patterns = new LinkedHashMap<>();
    /** The clients one publish closes (BC6), reused by the next publish. */
    private final List<Client> closing = new ArrayList<>();

    public RedisBroadcast(BroadcastConfig config, InstantSource clock) {
        this(config, clock, BroadcastRules.REDIS);
    }

    public RedisBroadcast(BroadcastConfig config, InstantSource clock, BroadcastRules rules) {
        this.config = Objects.requireNonNull(config, "config");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.rules = Objects.requireNonNull(rules, "rules");
    }

    /** One connection: its subscriptions and its output buffer. */
    private static final class Client {
        final Set<String> channels = new LinkedHashSet<>();
        final Set<String> patterns = new LinkedHashSet<>();
        final OutputBuffer buffer = new OutputBuffer();
        ChannelLog log; // set while it reads a channel's log instead of its own buffer (then empty)
        ChannelLog.Cursor cursor;
        long softSince = -1;
        Inbox.State state = Inbox.State.CONNECTED;

        long bytes() {
            return log != null ? log.bytes(cursor) : buffer.bytes();
        }
    }

    private static final class Channel {
        Client[] clients = NONE;
        final ChannelLog log = new ChannelLog();
    }

    @Override
    public synchronized boolean connect(String client) {
        Client c = clients.get(client);
        if (c != null && c.state == Inbox.State.CONNECTED) {
            return false;
        }
        clients.put(client, new Client());
        return true;
    }

    @Override
    public synchronized boolean disconnect(String client) {
        Client c = connected(client);
        if (c == null) {
            return false;
        }
        close(c, Inbox.State.NOT_CONNECTED);
        return true;
    }

    @Override
    public synchronized boolean subscribe(String client, String channel) {
        return change(client, c -> {
            c.channels.add(channel);
            channels.computeIfAbsent(channel, k -> new LinkedHashSet<>()).add(c);
            refresh(channel);
        });
    }

    @Override
    public synchronized boolean unsubscribe(String client, String channel) {
        return change(client, c -> {
            c.channels.remove(channel);
            drop(channels, channel, c);
            refresh(channel);
        });
    }

    @Override
    public synchronized boolean psubscribe(String client, String pattern) {
        return change(client, c -> {
            c.patterns.add(pattern);
            patterns.computeIfAbsent(pattern, k -> new LinkedHashSet<>()).add(c);
        });
    }

    @Override
    public synchronized boolean punsubscribe(String client, String pattern) {
        return change(client, c -> {
            c.patterns.remove(pattern);
            drop(patterns, pattern, c);
        });
    }

    /** A connected client's subscriptions changed by {@code edit}; then it reads its channel's log or its buffer. */
    private boolean change(String client, Consumer<Client> edit) {
        Client c = connected(client);
        if (c != null) {
            edit.accept(c);
            place(c);
        }
        return c != null;
    }

    @Override
    public synchronized int publish(String channel, String payload) {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(payload, "payload");
        if (!rules.publishesPastSlowClient() && anyAtSoftLimit()) {
            return 0;
        }
        long now = clock.instant().getEpochSecond();
        int bytes = Utf8.length(payload);
        closing.clear();
        int receivers = 0;
        Channel ch = subscribers.get(channel);
        Client[] subscribed = ch == null ? NONE : ch.clients;
        // one message, its size counted once, shared by every subscriber's buffer: no copy per subscriber
        Pushed message = subscribed.length == 0 ? null : Pushed.message(channel, payload);
        if (ch != null && !ch.log.idle()) {
            ch.log.append(message, bytes); // once for every client that reads the log
        }
        // BC6 for the log's readers at once while its largest buffer is under every limit and none was over
        boolean quiet = ch != null && ch.log.quiet(config) && !rules.closes(config, ch.log.most(), -1, now);
        boolean calm = true;
        for (Client c : subscribed) {
            receivers++;
            if (c.log == null || !quiet) {
                append(c, message, bytes, now);
                calm &= c.log == null || c.softSince < 0;
            }
        }
        if (ch != null && !quiet) {
            ch.log.calm(calm);
        }
        for (Map.Entry<String, Set<Client>> e : patterns.entrySet()) {
            if (rules.matches(e.getKey(), channel)) {
                Pushed pmessage = Pushed.pmessage(e.getKey(), channel, payload);
                for (Client c : e.getValue()) {
                    receivers++;
                    append(c, pmessage, bytes, now);
                }
            }
        }
        for (int i = 0; i < closing.size(); i++) {
            close(closing.get(i), Inbox.State.CLOSED_OUTPUT_BUFFER_LIMIT);
        }
        closing.clear();
        return receivers;
    }

    @Override
    public synchronized Inbox read(String client, int max) {
        if (max < 1) {
            throw new IllegalArgumentException("max " + max + " is out of range: read 1 or more messages");
        }
        Client c = clients.get(client);
        if (c == null) {
            return new Inbox(List.of(), Inbox.State.NOT_CONNECTED);
        }
        return new Inbox(List.of(c.log != null ? c.log.take(c.cursor, max) : c.buffer.take(max)), c.state);
    }

    @Override
    public BroadcastConfig config() {
        return config;
    }

    /** BC6: appends, then asks the rules whether the buffer now closes its client (once per publish). */
    private void append(Client c, Pushed m, int bytes, long now) {
        if (!closing.isEmpty() && closing.contains(c)) {
            return;
        }
        if (c.log == null) {
            c.buffer.add(m, bytes); // a client on a log has it there already
        }
        long size = c.bytes();
        boolean overSoft = config.softLimitBytes() > 0 && size >= config.softLimitBytes();
        if (!overSoft) {
            c.softSince = -1;
        } else if (c.softSince < 0) {
            c.softSince = now;
        }
        if (rules.closes(config, size, c.softSince, now)) {
            closing.add(c);
        }
    }

    private boolean anyAtSoftLimit() {
        long soft = config.softLimitBytes() > 0 ? config.softLimitBytes() : config.hardLimitBytes();
        return soft > 0 && clients.values().stream().anyMatch(c -> c.bytes() >= soft);
    }

    private Client connected(String client) {
        Client c = clients.get(client);
        return c != null && c.state == Inbox.State.CONNECTED ? c : null;
    }

    private void close(Client c, Inbox.State state) {
        c.state = state;
        c.buffer.clear();
        if (c.log != null) {
            c.log.close(c.cursor, null); // its buffer is dropped with it
            c.log = null;
        }
        c.channels.forEach(ch -> {
            drop(channels, ch, c);
            refresh(ch);
        });
        c.patterns.forEach(p -> drop(patterns, p, c));
        c.channels.clear();
        c.patterns.clear();
    }

    private void refresh(String channel) {
        Set<Client> subscribed = channels.get(channel);
        if (subscribed == null) {
            subscribers.remove(channel);
        } else {
            subscribers.computeIfAbsent(channel, k -> new Channel()).clients = subscribed.toArray(NONE);
        }
    }

    /** A client of one channel and no pattern reads the channel's log once its own buffer is empty; any other, its buffer. */
    private void place(Client c) {
        boolean one = c.channels.size() == 1 && c.patterns.isEmpty();
        if (c.log != null && !one) {
            c.log.close(c.cursor, c.buffer); // what it has not read stays its own, in order (BC4)
            c.log = null;
        } else if (c.log == null && one && c.buffer.size() == 0) {
            c.log = subscribers.get(c.channels.iterator().next()).log;
            c.cursor = c.log.open();
        }
    }

    private static void drop(Map<String, Set<Client>> index, String key, Client c) {
        Set<Client> holders = index.get(key);
        if (holders != null) {
            holders.remove(c);
            if (holders.isEmpty()) {
                index.remove(key);
            }
        }
    }
}
