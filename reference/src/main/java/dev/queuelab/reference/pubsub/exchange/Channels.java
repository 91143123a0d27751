package dev.queuelab.reference.pubsub.exchange;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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

    /** One channel's last delivery tag and its unacked deliveries in tag order (a delivery appends, EX10). */
    private static final class Open {
        long lastTag;
        final ArrayDeque<Unacked> unacked = new ArrayDeque<>();
    }

    private final Map<String, Consumer> consumers = new LinkedHashMap<>();
    private final Map<String, Open> channels = new HashMap<>();
    private final BrokerRules rules;
    private int made;

    Channels(BrokerRules rules) {
        this.rules = rules;
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
                        ? channels.values().stream().flatMap(o -> o.unacked.stream())
                        : open(c.channel()).unacked.stream())
                .filter(u -> rules.prefetchPerChannel()
                        || rules.prefetchAcrossChannels()
                        || u.consumerTag().equals(c.tag()))
                .count();
        return (int) Math.max(0, c.prefetch() + rules.prefetchSlack() - held);
    }

    long deliver(Consumer c, Stored m) {
        Open o = open(c.channel());
        long tag = ++o.lastTag;
        o.unacked.addLast(new Unacked(tag, c.tag(), c.queue(), m));
        return tag;
    }

    /** Takes the deliveries a settlement names off the channel: one, or all up to the tag; none if unknown. */
    List<Unacked> settle(String channel, long deliveryTag, boolean multiple) {
        ArrayDeque<Unacked> open = open(channel).unacked;
        if (multiple) {
            List<Unacked> out = new ArrayList<>();
            while (!open.isEmpty() && open.peekFirst().deliveryTag() <= deliveryTag) {
                out.add(open.pollFirst());
            }
            return out;
        }
        for (Iterator<Unacked> i = open.iterator(); i.hasNext(); ) {
            Unacked u = i.next();
            if (u.deliveryTag() == deliveryTag) {
                i.remove();
                return List.of(u);
            }
        }
        return List.of();
    }

    /** An ack: settles what {@link #settle} would and answers how many, without listing them. */
    int ack(String channel, long deliveryTag, boolean multiple) {
        ArrayDeque<Unacked> open = open(channel).unacked;
        if (!multiple) {
            return settle(channel, deliveryTag, false).size();
        }
        int settled = 0;
        while (!open.isEmpty() && open.peekFirst().deliveryTag() <= deliveryTag) {
            open.pollFirst();
            settled++;
        }
        return settled;
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
        ArrayDeque<Unacked> unacked = open(channel).unacked;
        List<Unacked> open = new ArrayList<>(unacked);
        unacked.clear(); // the channel's last tag stays: a tag is never reused (EX10)
        return open;
    }

    private Open open(String channel) {
        return channels.computeIfAbsent(channel, k -> new Open());
    }
}
