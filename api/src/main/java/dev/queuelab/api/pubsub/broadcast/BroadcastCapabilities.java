package dev.queuelab.api.pubsub.broadcast;

/**
 * What a broadcast implementation supports, so that checks that do not apply skip themselves.
 *
 * @param patterns     PSUBSCRIBE with Redis's glob syntax
 * @param bufferLimits slow subscribers are closed by the output buffer limits of {@link BroadcastConfig}
 */
public record BroadcastCapabilities(boolean patterns, boolean bufferLimits) {
    public static final BroadcastCapabilities ALL = new BroadcastCapabilities(true, true);
}
