package dev.queuelab.reference.pubsub.broadcast;

import dev.queuelab.api.pubsub.broadcast.Pushed;
import java.util.Arrays;

/**
 * One client's output buffer: the messages waiting for its read, oldest first, and their payload bytes in all.
 *
 * <p>Teaches: a broadcast's cost per subscriber is this buffer; a publish appends the one message every
 * subscriber shares (no copy of it), a read takes a run of them off the front.
 * Invariants: messages leave in the order they came (BC4); {@link #bytes()} is the sum of the sizes of the
 * messages held. Thread-safety: none; {@link RedisBroadcast} calls it under its monitor.
 * Real world: a Redis client's reply list (client.reply) and its size, as output-buffer limits read it.
 */
final class OutputBuffer {

    private Pushed[] messages = new Pushed[16];
    private int[] sizes = new int[16];
    private int head;
    private int count;
    private long bytes;

    int size() {
        return count;
    }

    long bytes() {
        return bytes;
    }

    void add(Pushed message, int size) {
        if (count == messages.length) {
            grow();
        }
        int at = (head + count) & (messages.length - 1);
        messages[at] = message;
        sizes[at] = size;
        count++;
        bytes += size;
    }

    /** Takes up to {@code max} messages off the front, oldest first. */
    Pushed[] take(int max) {
        Pushed[] out = new Pushed[Math.min(max, count)];
        int mask = messages.length - 1;
        for (int i = 0; i < out.length; i++) {
            int at = (head + i) & mask;
            out[i] = messages[at];
            messages[at] = null;
            bytes -= sizes[at];
        }
        head = (head + out.length) & mask;
        count -= out.length;
        return out;
    }

    void clear() {
        Arrays.fill(messages, null);
        head = 0;
        count = 0;
        bytes = 0;
    }

    private void grow() {
        Pushed[] m = new Pushed[messages.length * 2];
        int[] s = new int[messages.length * 2];
        for (int i = 0; i < count; i++) {
            m[i] = messages[(head + i) & (messages.length - 1)];
            s[i] = sizes[(head + i) & (messages.length - 1)];
        }
        messages = m;
        sizes = s;
        head = 0;
    }
}
