package dev.queuelab.guide;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Google Pub/Sub in its own words where the guide's generic text speaks of another kind of product: Pub/Sub has
 * subscriptions, not queues per subscriber; ordering keys, not partitions; a seek to a time or a snapshot, not
 * offsets; and no publisher deduplication window. A phrase mapped to null is dropped: it has no Pub/Sub twin.
 */
final class PubSubWords {

    private static final Map<String, String> PHRASES = new java.util.HashMap<>();

    static {
        PHRASES.put("a deduplication window for producer retries", null);
        PHRASES.put(
                "lower throughput limits than standard queues",
                "each ordering key carries at most "
                        + Numbers.rate(Facts.registry().get("pubsub.ordering").number("bytes-per-second")));
        PHRASES.put(
                "replay from any retained offset",
                "replay by seeking a subscription to a time or a snapshot, over the messages its retention keeps"
                        + " (acknowledged ones only with retain_acked_messages)");
        PHRASES.put("per-key order by partition", "per-key order by ordering key");
        PHRASES.put(
                "the most moving parts: partitions to size, rebalances to ride out, and brokers where you run them",
                "retained acknowledged messages and snapshots are billed as storage");
        PHRASES.put("parallelism is capped by the partition count", null);
        PHRASES.put("one queue to watch per subscriber", "one subscription to watch per subscriber");
        PHRASES.put(
                "Durable pub/sub fan-out (a topic, a queue per subscriber)",
                "Durable pub/sub fan-out (a topic, a subscription per subscriber)");
        PHRASES.put(
                "A topic copies each event into one durable queue per subscriber.",
                "A topic copies each event into one durable subscription per subscriber.");
        PHRASES.put("Partitioned log", "Retained subscriptions with seek");
        PHRASES.put(
                "An append-only log split into key-hashed partitions; each subscription keeps its own position.",
                "Each subscription keeps every message for its retention; seeking it to a time or a snapshot delivers"
                        + " again what was acknowledged since.");
        PHRASES.put(
                "buffer per subscriber queue: a slow subscriber falls behind alone; alarm per queue",
                "buffer per subscription: a slow subscriber falls behind alone; alarm per subscription");
        PHRASES.put(
                "consumers lag behind the head, bounded by retention; alarm on lag; scale consumers up to the partition"
                        + " count",
                "each subscription builds a backlog, bounded by its retention; alarm on oldest_unacked_message_age;"
                        + " scale subscribers (no partition count caps them)");
    }

    private PubSubWords() {}

    /** The phrase as a Pub/Sub record says it: itself where Pub/Sub has no other word, null where it has none. */
    static String of(Product p, String phrase) {
        return p == Product.PUBSUB && PHRASES.containsKey(phrase) ? PHRASES.get(phrase) : phrase;
    }

    static List<String> of(Product p, List<String> phrases) {
        return phrases.stream().map(x -> of(p, x)).filter(Objects::nonNull).toList();
    }

    /** The topology in the title: Pub/Sub replays through retained subscriptions, not a partitioned log. */
    static String phrase(Product p, Topology t) {
        return p == Product.PUBSUB && t == Topology.PARTITIONED_LOG ? "retained subscriptions with seek" : t.phrase();
    }
}
