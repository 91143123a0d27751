package dev.queuelab.check.pubsub.broadcast.gallery;

import dev.queuelab.api.pubsub.broadcast.Broadcast;
import dev.queuelab.api.pubsub.broadcast.BroadcastConfig;
import dev.queuelab.api.pubsub.broadcast.Inbox;
import dev.queuelab.api.pubsub.broadcast.Pushed;
import dev.queuelab.reference.pubsub.broadcast.RedisBroadcast;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The mistake: treating a broadcast as a mailbox. A client that disconnects keeps its channel subscriptions
 * in a mailbox; what is published on them while it is away waits there and comes first after it reconnects.
 */
final class OfflineInbox implements Broadcast {
    private final RedisBroadcast redis;
    private final Map<String, Set<String>> channels = new HashMap<>();
    private final Map<String, Set<String>> away = new HashMap<>();
    private final Map<String, List<Pushed>> mailbox = new HashMap<>();

    OfflineInbox(BroadcastConfig config, InstantSource clock) {
        this.redis = new RedisBroadcast(config, clock);
    }

    @Override
    public boolean connect(String client) {
        boolean done = redis.connect(client);
        Set<String> kept = away.remove(client);
        if (done && kept != null) {
            kept.forEach(ch -> subscribe(client, ch));
        }
        return done;
    }

    @Override
    public boolean disconnect(String client) {
        boolean done = redis.disconnect(client);
        if (done) {
            away.put(client, channels.getOrDefault(client, Set.of()));
            channels.remove(client);
        }
        return done;
    }

    @Override
    public boolean subscribe(String client, String channel) {
        boolean done = redis.subscribe(client, channel);
        if (done) {
            channels.computeIfAbsent(client, k -> new LinkedHashSet<>()).add(channel);
        }
        return done;
    }

    @Override
    public boolean unsubscribe(String client, String channel) {
        channels.getOrDefault(client, new LinkedHashSet<>()).remove(channel);
        return redis.unsubscribe(client, channel);
    }

    @Override
    public boolean psubscribe(String client, String pattern) {
        return redis.psubscribe(client, pattern);
    }

    @Override
    public boolean punsubscribe(String client, String pattern) {
        return redis.punsubscribe(client, pattern);
    }

    @Override
    public int publish(String channel, String payload) {
        away.forEach((client, kept) -> {
            if (kept.contains(channel)) {
                mailbox.computeIfAbsent(client, k -> new ArrayList<>()).add(Pushed.message(channel, payload));
            }
        });
        return redis.publish(channel, payload);
    }

    @Override
    public Inbox read(String client, int max) {
        List<Pushed> kept = mailbox.getOrDefault(client, new ArrayList<>());
        if (kept.isEmpty()) {
            return redis.read(client, max);
        }
        List<Pushed> out = new ArrayList<>(kept.subList(0, Math.min(max, kept.size())));
        kept.subList(0, out.size()).clear();
        if (out.size() == max) {
            return new Inbox(out, Inbox.State.CONNECTED);
        }
        Inbox inbox = redis.read(client, max - out.size());
        out.addAll(inbox.messages());
        return new Inbox(out, inbox.state());
    }

    @Override
    public BroadcastConfig config() {
        return redis.config();
    }
}
