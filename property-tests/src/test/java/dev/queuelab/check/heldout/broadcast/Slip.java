package dev.queuelab.check.heldout.broadcast;

import dev.queuelab.api.pubsub.broadcast.BroadcastConfig;
import dev.queuelab.reference.pubsub.broadcast.BroadcastRules;
import dev.queuelab.reference.pubsub.broadcast.Glob;

/**
 * The one mistake a held-out copy of the reference broadcast makes, written from the contract and Redis's docs
 * without sight of the broadcast checks or their gallery. {@link #NONE} is the reference as copied. A slip in a
 * decision is a {@link BroadcastRules} of its own; the others are branches of the copy.
 */
public enum Slip {
    NONE("none: the reference as copied"),
    HARD_LIMIT_STRICT("a client is closed only when its buffer passes the hard limit, not when it reaches it") {
        @Override
        BroadcastRules rules() {
            return new BroadcastRules() {
                @Override
                public boolean closes(BroadcastConfig config, long bytes, long softSince, long now) {
                    boolean hard = config.hardLimitBytes() > 0 && bytes > config.hardLimitBytes();
                    boolean soft = softSince >= 0 && now - softSince > config.softSeconds();
                    return hard || soft;
                }
            };
        }
    },
    SOFT_SECONDS_INCLUSIVE("the soft limit closes a client at softSeconds over it, not after more than softSeconds") {
        @Override
        BroadcastRules rules() {
            return new BroadcastRules() {
                @Override
                public boolean closes(BroadcastConfig config, long bytes, long softSince, long now) {
                    boolean hard = config.hardLimitBytes() > 0 && bytes >= config.hardLimitBytes();
                    boolean soft = softSince >= 0 && now - softSince >= config.softSeconds();
                    return hard || soft;
                }
            };
        }
    },
    SHELL_NEGATION("a glob class [!abc] is negated, as in a shell, where Redis takes '!' literally") {
        @Override
        BroadcastRules rules() {
            return new BroadcastRules() {
                @Override
                public boolean matches(String pattern, String channel) {
                    return Glob.matches(pattern.replace("[!", "[^"), channel);
                }
            };
        }
    },
    STAR_MATCHES_EMPTY("'*' matches the empty channel, as a regex .* would") {
        @Override
        BroadcastRules rules() {
            return new BroadcastRules() {
                @Override
                public boolean matches(String pattern, String channel) {
                    return channel.isEmpty() ? pattern.chars().allMatch(c -> c == '*') : Glob.matches(pattern, channel);
                }
            };
        }
    },
    ONE_PER_CLIENT("a client matched by its channel and by patterns gets one message, and is counted once"),
    COUNT_SKIPS_CLOSED("PUBLISH does not count the receivers it closed on the way"),
    SOFT_TIMER_NEVER_RESET("the soft-limit timer starts at the first append over it and is never reset"),
    CLOSED_KEEPS_BUFFER("a client closed for its buffer still reads what was buffered before the close"),
    RECONNECT_KEEPS_SUBSCRIPTIONS("a client that reconnects after disconnecting keeps its old subscriptions"),
    MESSAGES_BEFORE_PMESSAGES("messages and pmessages wait in two queues; a read drains the channel's first"),
    PUNSUBSCRIBE_FOR_ALL("PUNSUBSCRIBE removes the pattern for every client holding it"),
    STOPS_AT_CLOSED("a publish that closes a slow client goes no further: later subscribers miss the message");

    public final String mistake;

    Slip(String mistake) {
        this.mistake = mistake;
    }

    BroadcastRules rules() {
        return BroadcastRules.REDIS;
    }
}
