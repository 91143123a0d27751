package dev.queuelab.guide;

import dev.queuelab.guide.Recommendation.Failure;
import dev.queuelab.guide.Recommendation.Setting;
import dev.queuelab.guide.Recommendation.Sizing;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * RabbitMQ: a quorum queue (a consumer timeout per delivery, a delivery limit, dead-lettering through an exchange,
 * a prefetch that keeps the last prefetched message inside the timeout) or a stream (offsets the consumer stores,
 * max-age, replicas, and producer names with publishing ids that drop a retry).
 */
final class RabbitRules implements ProductRules {

    static final RabbitRules INSTANCE = new RabbitRules();

    private RabbitRules() {}

    @Override
    public String home(Product p) {
        return "self-run";
    }

    @Override
    public String producerKey(Design d, String base) {
        return d.s.product() == Product.RABBITMQ_QUORUM
                ? base + ", as the message_id property"
                : ProductRules.logKey(base, "partition and offset");
    }

    @Override
    public String deadLetterKept(Design d) {
        if (d.s.product() != Product.RABBITMQ_QUORUM) {
            return ProductRules.super.deadLetterKept(d);
        }
        // an exchange routes and keeps nothing: the depth to watch is the queue bound to it
        return "routes to a dead-letter queue bound to it, which keeps messages until read; alarm on that"
                + " queue's depth";
    }

    /** A stream's consumer stores its offset (only streams have partitions to store it for). */
    @Override
    public String offsetVerb() {
        return "store";
    }

    @Override
    public String retentionName() {
        return "max-age";
    }

    @Override
    public List<Setting> settings(Design d, Failure failure, Sizing sizing) {
        Situation s = d.s;
        Set<String> facts = d.facts;
        List<Setting> out = new ArrayList<>();
        if (s.product() == Product.RABBITMQ_STREAMS && s.queued()) {
            facts.add("rabbitmq.stream-deduplication");
            out.add(new Setting(
                    "producer name and publishing id",
                    "one live producer per name (the outbox relay, say), each message's publishing id taken from"
                            + " an always-growing source such as the outbox row id: the stream drops a retry it"
                            + " already stored",
                    null,
                    null,
                    null,
                    "rabbitmq.stream-deduplication"));
        }
        out.addAll(ProductRules.replication(d));
        return out;
    }

    @Override
    public Setting extra(Design d, Failure failure, String extra) {
        return extra.startsWith("prefetch (basic.qos)") && failure.leaseSeconds() != null
                ? prefetch(d, failure.leaseSeconds())
                : ProductRules.super.extra(d, failure, extra);
    }

    /**
     * A RabbitMQ consumer's prefetch: a prefetched message's consumer timeout runs from its own delivery, while
     * it waits behind the ones before it, so the k-th in a consumer's buffer must finish within the timeout
     * after k jobs of the worst case.
     */
    private static Setting prefetch(Design d, int timeoutSeconds) {
        int worst = Math.max(1, d.a().failure().maxProcessingSeconds());
        int count = Math.max(1, timeoutSeconds / worst);
        return new Setting(
                "prefetch (basic.qos)",
                count
                        + (count == 1
                                ? ": one message per consumer, since a prefetched message's x-consumer-timeout runs from"
                                        + " its delivery while it waits behind a job of up to "
                                        + Numbers.seconds(worst)
                                : " at most per consumer: a prefetched message's x-consumer-timeout runs from its"
                                        + " delivery, and the last of " + count + " waits " + (count - 1)
                                        + " jobs of up"
                                        + " to " + Numbers.seconds(worst)),
                (double) count,
                null,
                "",
                "rabbitmq.consumer-timeout");
    }
}
