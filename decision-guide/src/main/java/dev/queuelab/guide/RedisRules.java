package dev.queuelab.guide;

/**
 * Redis: Streams with consumer groups (pending entries reclaimed with XCLAIM, trimmed by MAXLEN) or pub/sub, which
 * keeps nothing and disconnects a subscriber that cannot keep up.
 */
final class RedisRules implements ProductRules {

    static final RedisRules INSTANCE = new RedisRules();

    private RedisRules() {}

    @Override
    public String home(Product p) {
        return "self-run";
    }

    @Override
    public String renewCall(Design d) {
        return d.s.product() == Product.REDIS_STREAMS
                ? "XCLAIM of the entry to the same consumer with JUSTID, which resets its idle time"
                : null;
    }

    @Override
    public String producerKey(Design d, String base) {
        return d.s.product() == Product.REDIS_STREAMS ? ProductRules.logKey(base, "entry id") : base;
    }

    @Override
    public String retentionName() {
        return "MAXLEN";
    }
}
