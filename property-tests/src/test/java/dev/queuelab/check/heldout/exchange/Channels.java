package dev.queuelab.check.heldout.exchange;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The broker's channels and their consumers: delivery tags, unacknowledged deliveries and prefetch.
 *
 * <p>Teaches: a delivery tag is the channel's, so {@code multiple} settles every delivery of the channel up to
 * it, whichever consumer it went to; a prefetch is the consumer's (basic.qos global=false).
 * Invariants:
 *   EX2 a consumer never holds more unacknowledged deliveries than its prefetch (0: no limit);
 *   EX10 delivery tags on a channel are 1, 2, 3... in delivery order, never reused.
 * Thread-safety: none; the broker calls it under its lock.
 * Real world: rabbit_channel's unacked_message_q and consumer prefetch (rabbitmq.com/docs/consumer-prefetch).
 */
final class Channels {

    record Consumer(String tag, String channel, String queue, int prefetch) {}

    record Unacked(long deliveryTag, String consumerTag, String queue, Stored message) {}

    private final Map<String, Consumer> consumers = new LinkedHashMap<>();
    private final Map<String, TreeMap<Long, Unacked>> unacked = new HashMap<>();
    private final Map<String, Long> lastTag = new HashMap<>();
    private final BrokerRules rules;
    private int made;

    private final Slip slip;

    Channels(BrokerRules rules, Slip slip) {
        this.rules = rules;
        this.slip = slip;
    }

    Consumer consume(String channel, String queue, int prefetch) {
        Consumer c = new Consumer("ctag-" + ++made, channel, queue, prefetch);
        consumers.put(c.tag(), c);
        return c;
    }

    Consumer consumer(String tag) {
        Consumer c = consumers.get(tag);
        if (c == null) {
            throw new IllegalArgumentException(
                    "consumer tag '" + tag + "' is not consuming: use a tag consume() answered");
        }
        return c;
    }

    /** How many more deliveries the consumer may take now (EX2). */
    int free(Consumer c) {
        if (c.prefetch() == 0) {
            return Integer.MAX_VALUE;
        }
        long held = (rules.prefetchAcrossChannels()
                        ? unacked.values().stream().flatMap(m -> m.values().stream())
                        : unackedOf(c.channel()).values().stream())
                .filter(u -> rules.prefetchPerChannel()
                        || rules.prefetchAcrossChannels()
                        || u.consumerTag().equals(c.tag()))
                .count();
        return (int) Math.max(0, c.prefetch() + rules.prefetchSlack() - held);
    }

    long deliver(Consumer c, Stored m) {
        long tag = lastTag.merge(c.channel(), 1L, Long::sum);
        unackedOf(c.channel()).put(tag, new Unacked(tag, c.tag(), c.queue(), m));
        return tag;
    }

    /** Takes the deliveries a settlement names off the channel: one, or all up to the tag; none if unknown. */
    List<Unacked> settle(String channel, long deliveryTag, boolean multiple) {
        TreeMap<Long, Unacked> open = unackedOf(channel);
        List<Unacked> out = new ArrayList<>();
        if (multiple) {
            Map<Long, Unacked> upTo = open.headMap(deliveryTag, slip != Slip.MULTIPLE_EXCLUSIVE);
            out.addAll(upTo.values());
            upTo.clear();
        } else if (open.containsKey(deliveryTag)) {
            out.add(open.remove(deliveryTag));
        }
        return out;
    }

    /** Closes a channel: its consumers, then its unacked deliveries in tag order, for requeueing. */
    List<Unacked> close(String channel, List<Consumer> cancelled) {
        consumers.values().removeIf(c -> {
            boolean mine = c.channel().equals(channel);
            if (mine) {
                cancelled.add(c);
            }
            return mine;
        });
        List<Unacked> open = new ArrayList<>(unackedOf(channel).values());
        unacked.remove(channel);
        return open;
    }

    private TreeMap<Long, Unacked> unackedOf(String channel) {
        return unacked.computeIfAbsent(channel, k -> new TreeMap<>());
    }
}
