package dev.queuelab.reference.pubsub.exchange;

import java.util.ArrayList;
import java.util.HashMap;
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

    /** A consumer, with its channel's state at hand and its slot there: a delivery looks nothing up. */
    record Consumer(String tag, String channel, String queue, int prefetch, Open open, int slot) {}

    /** A delivery taken off its channel by a nack, a reject or a close (an ack lists none). */
    record Unacked(long deliveryTag, String consumerTag, String queue, Stored message) {}

    /** One channel's last delivery tag and its unacked deliveries in tag order (a delivery appends, EX10). */
    static final class Open {
        long lastTag;
        /** Every consumer the channel ever had, by slot (a slot is never reused, as a tag is not). */
        final List<Consumer> members = new ArrayList<>();

        final UnackedRing unacked = new UnackedRing(members);
    }

    private final Map<String, Consumer> consumers = new LinkedHashMap<>();
    private final Map<String, Open> channels = new HashMap<>();
    private final BrokerRules rules;
    private int made;

    Channels(BrokerRules rules) {
        this.rules = rules;
    }

    Consumer consume(String channel, String queue, int prefetch) {
        Open o = open(channel);
        Consumer c = new Consumer("ctag-" + ++made, channel, queue, prefetch, o, o.members.size());
        o.members.add(c);
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
        int mine = rules.prefetchPerChannel() || rules.prefetchAcrossChannels() ? -1 : c.slot();
        long held = rules.prefetchAcrossChannels()
                ? channels.values().stream().mapToInt(o -> o.unacked.held(mine)).sum()
                : c.open().unacked.held(mine);
        return (int) Math.max(0, c.prefetch() + rules.prefetchSlack() - held);
    }

    long deliver(Consumer c, Stored m) {
        Open o = c.open();
        long tag = ++o.lastTag;
        o.unacked.add(tag, c.slot(), m);
        return tag;
    }

    /** Delivers the {@code n} messages at the head of {@code q} to {@code c} at once; answers the first's tag. */
    long deliver(Consumer c, BrokerQueue q, int n) {
        Open o = c.open();
        long first = o.lastTag + 1;
        q.takeInto(o.unacked, first, c.slot(), n);
        o.lastTag += n;
        return first;
    }

    /** Takes the deliveries a settlement names off the channel: one, or all up to the tag; none if unknown. */
    List<Unacked> settle(String channel, long deliveryTag, boolean multiple) {
        UnackedRing open = open(channel).unacked;
        if (multiple) {
            List<Unacked> out = new ArrayList<>();
            open.removeThrough(deliveryTag, out);
            return out;
        }
        Unacked u = open.remove(deliveryTag);
        return u == null ? List.of() : List.of(u);
    }

    /** An ack: settles what {@link #settle} would and answers how many, without listing them. */
    int ack(String channel, long deliveryTag, boolean multiple) {
        UnackedRing open = open(channel).unacked;
        return multiple ? open.removeThrough(deliveryTag, null) : open.remove(deliveryTag) == null ? 0 : 1;
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
        return open(channel).unacked.removeAll(); // the channel's last tag stays: a tag is never reused (EX10)
    }

    private Open open(String channel) {
        return channels.computeIfAbsent(channel, k -> new Open());
    }
}
