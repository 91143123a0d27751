package dev.queuelab.api.streams;

/**
 * What an implementation of {@link StreamService} supports, known without making one; a property about a part it
 * does not support is skipped, never passed.
 *
 * @param trimming    MAXLEN and MINID on XADD and XTRIM
 * @param claims      XCLAIM and XAUTOCLAIM
 * @param deadLetters the consumers' dead-letter stream after N deliveries
 */
public record StreamCapabilities(boolean trimming, boolean claims, boolean deadLetters) {

    public static final StreamCapabilities ALL = new StreamCapabilities(true, true, true);

    /** Groups, reads, acks and XPENDING only. */
    public static final StreamCapabilities GROUPS = new StreamCapabilities(false, false, false);
}
