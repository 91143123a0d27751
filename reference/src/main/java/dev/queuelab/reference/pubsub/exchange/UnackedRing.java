package dev.queuelab.reference.pubsub.exchange;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One channel's unacknowledged deliveries in tag order: three arrays used as a ring (tags, the consumer's slot
 * on the channel, messages), so a delivery adds no object of its own, a receive appends a run of them at once
 * and an ack with {@code multiple} takes a run off the front.
 *
 * <p>Invariants: tags strictly increase from the oldest to the newest (EX10: a channel delivers 1, 2, 3...);
 * {@link #size()} is the number of deliveries held; a slot names {@code members.get(slot)}. Thread-safety: none;
 * {@link Channels} calls it under the broker's lock. Real world: rabbit_channel's unacked_message_q, a queue of
 * {tag, consumer, message}.
 */
final class UnackedRing {

    private final List<Channels.Consumer> members;
    private long[] tags = new long[16];
    private int[] slots = new int[16];
    private Stored[] messages = new Stored[16];
    private int head;
    private int count;

    /** {@code members}: the channel's consumers, by slot; the ring keeps a slot, never a reference, per delivery. */
    UnackedRing(List<Channels.Consumer> members) {
        this.members = members;
    }

    int size() {
        return count;
    }

    void add(long tag, int slot, Stored message) {
        room(1);
        int at = (head + count) & (tags.length - 1);
        tags[at] = tag;
        slots[at] = slot;
        messages[at] = message;
        count++;
    }

    /** Appends {@code n} deliveries tagged {@code firstTag}... of one consumer, the messages copied from a ring. */
    void addRun(long firstTag, int slot, Stored[] ring, int from, int n) {
        room(n);
        int mask = tags.length - 1;
        int end = head + count;
        for (int i = 0; i < n; i++) {
            tags[(end + i) & mask] = firstTag + i;
            slots[(end + i) & mask] = slot;
        }
        copy(ring, from, messages, end, n);
        count += n;
    }

    /** The {@code i}-th oldest delivery's tag. */
    long tag(int i) {
        return tags[(head + i) & (tags.length - 1)];
    }

    /** The {@code i}-th oldest delivery's message. */
    Stored message(int i) {
        return messages[(head + i) & (tags.length - 1)];
    }

    /** The messages of the newest {@code n} deliveries, oldest first, in an array of their own. */
    Stored[] newest(int n) {
        Stored[] out = new Stored[n];
        int from = head + count - n;
        int s = from & (messages.length - 1);
        int first = Math.min(n, messages.length - s);
        System.arraycopy(messages, s, out, 0, first);
        System.arraycopy(messages, 0, out, first, n - first);
        return out;
    }

    /** How many deliveries the consumer of {@code slot} holds here (-1: all of them). */
    int held(int slot) {
        if (slot < 0) {
            return count;
        }
        int n = 0;
        for (int i = 0; i < count; i++) {
            n += slots[(head + i) & (tags.length - 1)] == slot ? 1 : 0;
        }
        return n;
    }

    /** Takes off the front every delivery up to {@code tag}; answers them when {@code out} is not null, and how many. */
    int removeThrough(long tag, List<Channels.Unacked> out) {
        int mask = tags.length - 1;
        int n = count > 0 && tags[(head + count - 1) & mask] <= tag ? count : 0; // all of them: no walk
        while (n < count && tags[(head + n) & mask] <= tag) {
            n++;
        }
        for (int i = 0; out != null && i < n; i++) {
            out.add(unacked((head + i) & mask));
        }
        clear(messages, head, n);
        head = (head + n) & mask;
        count -= n;
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
                    slots[to] = slots[from];
                    messages[to] = messages[from];
                }
                messages[(head + count - 1) & mask] = null;
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
        Channels.Consumer c = members.get(slots[at]);
        return new Channels.Unacked(tags[at], c.tag(), c.queue(), messages[at]);
    }

    /** Makes room for {@code n} more, doubling the arrays and unwrapping the ring into them. */
    private void room(int n) {
        if (count + n <= tags.length) {
            return;
        }
        int size = tags.length;
        while (size < count + n) {
            size *= 2;
        }
        long[] t = new long[size];
        int[] s = new int[size];
        Stored[] m = new Stored[size];
        for (int i = 0; i < count; i++) {
            int at = (head + i) & (tags.length - 1);
            t[i] = tags[at];
            s[i] = slots[at];
        }
        copy(messages, head, m, 0, count);
        tags = t;
        slots = s;
        messages = m;
        head = 0;
    }

    /** Copies {@code n} entries from ring {@code src} at {@code from} to ring {@code dst} at {@code to} (both 2^k long). */
    static void copy(Stored[] src, int from, Stored[] dst, int to, int n) {
        while (n > 0) {
            int s = from & (src.length - 1);
            int d = to & (dst.length - 1);
            int run = Math.min(n, Math.min(src.length - s, dst.length - d));
            System.arraycopy(src, s, dst, d, run);
            from += run;
            to += run;
            n -= run;
        }
    }

    /** Empties {@code n} entries of ring {@code ring} from {@code from}, so that it holds no message it gave up. */
    static void clear(Stored[] ring, int from, int n) {
        int s = from & (ring.length - 1);
        int first = Math.min(n, ring.length - s);
        Arrays.fill(ring, s, s + first, null);
        Arrays.fill(ring, 0, n - first, null);
    }
}
