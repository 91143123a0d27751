package dev.queuelab.api.pubsub.broadcast;

import dev.queuelab.api.OutOfRangeException;

/**
 * Redis's {@code client-output-buffer-limit pubsub <hard> <soft> <soft-seconds>}: a subscriber whose buffer
 * holds {@code hardLimitBytes} or more is closed at once; one that holds {@code softLimitBytes} or more, and
 * still does when more is appended over {@code softSeconds} later, is closed then. 0 switches a limit off.
 *
 * <p>The buffer is counted as the UTF-8 bytes of the payloads waiting in it (Redis counts the encoded
 * replies, channel name and framing included, so the same limit holds a little fewer real messages).
 *
 * <p>Redis's default for pubsub clients is {@code 32mb 8mb 60} (redis.conf, "client-output-buffer-limit",
 * https://raw.githubusercontent.com/redis/redis/7.2/redis.conf, read 2026-12-05).
 */
public record BroadcastConfig(long hardLimitBytes, long softLimitBytes, long softSeconds) {

    public static final long REDIS_HARD_LIMIT = 32L * 1024 * 1024;
    public static final long REDIS_SOFT_LIMIT = 8L * 1024 * 1024;
    public static final long REDIS_SOFT_SECONDS = 60;

    public BroadcastConfig {
        if (hardLimitBytes < 0) {
            throw new OutOfRangeException("hardLimitBytes", hardLimitBytes, "0 (no limit) or more bytes");
        }
        if (softLimitBytes < 0) {
            throw new OutOfRangeException("softLimitBytes", softLimitBytes, "0 (no limit) or more bytes");
        }
        if (softSeconds < 0) {
            throw new OutOfRangeException("softSeconds", softSeconds, "0 or more seconds");
        }
    }

    /** Redis's default for pubsub clients. */
    public static BroadcastConfig redisDefault() {
        return new BroadcastConfig(REDIS_HARD_LIMIT, REDIS_SOFT_LIMIT, REDIS_SOFT_SECONDS);
    }

    @Override
    public String toString() {
        if (hardLimitBytes == 0 && softLimitBytes == 0) {
            return "no output buffer limit";
        }
        return "output buffer limit hard " + hardLimitBytes + " B, soft " + softLimitBytes + " B for " + softSeconds
                + " s";
    }
}
