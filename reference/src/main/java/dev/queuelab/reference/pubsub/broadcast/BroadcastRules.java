package dev.queuelab.reference.pubsub.broadcast;

import dev.queuelab.api.pubsub.broadcast.BroadcastConfig;

/**
 * The decisions of {@link RedisBroadcast}, one line each, so that a variant is the broadcast given other rules:
 * how a pattern matches, when a buffer's size closes its client, and whether a publish may go out at all.
 * {@link #REDIS} is Redis's.
 */
public interface BroadcastRules {

    BroadcastRules REDIS = new BroadcastRules() {};

    /** BC5 PSUBSCRIBE's glob. */
    default boolean matches(String pattern, String channel) {
        return Glob.matches(pattern, channel);
    }

    /**
     * BC6 asked each time a message is appended: does a buffer of {@code bytes}, at or over the soft limit
     * since {@code softSince} (epoch second, or -1 when it was under at the last append), close its client at
     * {@code now}? Redis: at or over the hard limit, or at or over the soft limit more than softSeconds since
     * it was first seen over (networking.c, checkClientOutputBufferLimits). Monotone in {@code bytes}: a buffer
     * that does not close a client leaves a smaller one open too, so the broadcast asks once, for the largest,
     * about clients that share a channel's log while all are under the soft limit.
     */
    default boolean closes(BroadcastConfig config, long bytes, long softSince, long now) {
        boolean hard = config.hardLimitBytes() > 0 && bytes >= config.hardLimitBytes();
        boolean soft = softSince >= 0 && now - softSince > config.softSeconds();
        return hard || soft;
    }

    /** BC7 whether a publish goes out while some client's buffer is at or over the soft limit: always. */
    default boolean publishesPastSlowClient() {
        return true;
    }
}
