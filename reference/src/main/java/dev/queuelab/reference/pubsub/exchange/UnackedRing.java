package dev.queuelab.reference.pubsub.exchange;

import java.util.ArrayList;
import java.util.List;

/**
 * One channel's unacknowledged deliveries in tag order: three arrays used as a ring (tags, consumers,
 * messages), so a delivery adds no object of its own and an ack with {@code multiple} takes a run off the front.
 *
 * <p>Invariants: tags strictly increase from the oldest to the newest (EX10: a channel delivers 1, 2, 3...);
 * {@link #size()} is the number of deliveries held. Thread-safety: none; {@link Channels} calls it under the
 * broker's lock. Real world: rabbit_channel's unacked_message_q, a queue of {tag, consumer, message}.
 */
final class UnackedRing {

    private long[] tags = new long[16];
    private Channels.Consumer[] consumers = new Channels.Consumer[16];
    private Stored[] messages = new Stored[16];
    private int head;
    private int count;

    int size() {
        return count;
    }

    void add(long tag, Channels.Consumer consumer, Stored message) {
        if (count == tags.length) {
            grow();
        }
        int at = (head + count) & (tags.length - 1);
        tags[at] = tag;
        consumers[at] = consumer;
        messages[at] = message;
        count++;
    }

    /** The {@code i}-th oldest delivery's tag. */
    long tag(int i) {
        return tags[(head + i) & (tags.length - 1)];
    }

    /** How many deliveries {@code consumerTag} holds here (null: all of them). */
    int held(String consumerTag) {
        int n = 0;
        for (int i = 0; i < count; i++) {
            Channels.Consumer c = consumers[(head + i) & (tags.length - 1)];
            n += consumerTag == null || c.tag().equals(consumerTag) ? 1 : 0;
        }
        return n;
    }

    /** Takes off the front every delivery up to {@code tag}; answers them when {@code out} is not null, and how many. */
    int removeThrough(long tag, List<Channels.Unacked> out) {
        int n = 0;
        while (count > 0 && tags[head] <= tag) {
            if (out != null) {
                out.add(unacked(head));
            }
            clear(head);
            head = (head + 1) & (tags.length - 1);
            count--;
            n++;
        }
        return n;
    }

    /** Takes out the delivery of exactly {@code tag}, or answers null; the later ones close the gap. */
    Channels.Unacked remove(long tag) {
        int mask = tags.length - 1;
        for (int i = 0; i < count; i++) {
            int at = (head + i) & mask;
            if (tags[at] == tag) {
                Channels.Unacked u = unacked(at);
                for (int j = i; j < count - 1; j++) {
                    int to = (head + j) & mask;
                    int from = (head + j + 1) & mask;
                    tags[to] = tags[from];
                    consumers[to] = consumers[from];
                    messages[to] = messages[from];
                }
                clear((head + count - 1) & mask);
                count--;
                return u;
            }
        }
        return null;
    }

    /** Every delivery, oldest first, taken out. */
    List<Channels.Unacked> removeAll() {
        List<Channels.Unacked> out = new ArrayList<>(count);
        removeThrough(Long.MAX_VALUE, out);
        return out;
    }

    private Channels.Unacked unacked(int at) {
        Channels.Consumer c = consumers[at];
        return new Channels.Unacked(tags[at], c.tag(), c.queue(), messages[at]);
    }

    private void clear(int at) {
        consumers[at] = null;
        messages[at] = null;
    }

    private void grow() {
        int n = tags.length * 2;
        long[] t = new long[n];
        Channels.Consumer[] c = new Channels.Consumer[n];
        Stored[] m = new Stored[n];
        for (int i = 0; i < count; i++) {
            int at = (head + i) & (tags.length - 1);
            t[i] = tags[at];
            c[i] = consumers[at];
            m[i] = messages[at];
        }
        tags = t;
        consumers = c;
        messages = m;
        head = 0;
    }
}
