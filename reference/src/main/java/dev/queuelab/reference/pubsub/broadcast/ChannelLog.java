package dev.queuelab.reference.pubsub.broadcast;

import dev.queuelab.api.pubsub.broadcast.BroadcastConfig;
import dev.queuelab.api.pubsub.broadcast.Pushed;
import java.util.Arrays;

/**
 * One channel's recent messages, shared by the clients that read it, each through a cursor of its own.
 *
 * <pre>
 *   ring:   [ m5 m6 m7 m8 m9 . . . ]      publish appends once, however many clients read the channel
 *              ^tail    ^b       ^head     a client's output buffer is the run from its cursor to the head
 *              cursor a (slowest)          its size in bytes: bytes published so far - bytes it has read
 * </pre>
 *
 * <p>Teaches: a broadcast's per-subscriber cost can be a cursor rather than a buffer: a publish to eight clients
 * of one channel appends one message, and each client's buffer size is a subtraction. A slot is cleared once
 * the slowest cursor passes it, so the ring holds exactly what some client has not read. While every reader is
 * under the soft limit and the largest buffer under both limits ({@link #quiet}), a publish checks no reader's
 * limits one by one: none can be at one.
 * Invariants: a cursor reads the channel's messages in publish order (BC4), each once; {@link #bytes} is the sum of
 * the sizes of the messages between the cursor and the head, as a client's own {@link OutputBuffer} would hold;
 * every slot before the slowest cursor is empty. Thread-safety: none; {@link RedisBroadcast} calls it under its
 * monitor. Real world: Redis keeps a reply list per client (client.reply) and copies each message into it; a
 * shared log with readers' offsets is the shape of Kafka's partition and of Redis streams (XREAD).
 */
final class ChannelLog {

    /** One client's place in the log: the next message it reads, and the bytes it has read so far. */
    static final class Cursor {
        private long seq;
        private long bytesRead;
    }

    private Pushed[] messages = new Pushed[16];
    /** Bytes published up to and including each message: a read's size is one subtraction. */
    private long[] ends = new long[16];
    /** Published so far, in messages and in bytes. */
    private long head;

    private long headBytes;
    /** The slowest cursor's seq: the first message still held. */
    private long tail;

    private Cursor[] cursors = {};
    /** The slowest cursor's bytes read: the largest buffer is headBytes minus this. */
    private long slowestRead;
    /** Whether, at the last publish that checked them, every reader was under the soft limit (none since). */
    private boolean calm;

    /** A new reader: it gets what is appended from now on. */
    Cursor open() {
        Cursor c = new Cursor();
        c.seq = head;
        c.bytesRead = headBytes;
        cursors = Arrays.copyOf(cursors, cursors.length + 1);
        cursors[cursors.length - 1] = c;
        calm = false; // its soft-limit clock is not known here
        trim();
        return c;
    }

    /** Removes a reader; what it had not read moves to {@code into} (null: dropped, as a closed client's). */
    void close(Cursor c, OutputBuffer into) {
        long before = c.bytesRead;
        for (long s = c.seq; into != null && s < head; s++) {
            int at = (int) s & (messages.length - 1);
            into.add(messages[at], (int) (ends[at] - before));
            before = ends[at];
        }
        Cursor[] rest = new Cursor[cursors.length - 1];
        int n = 0;
        for (Cursor other : cursors) {
            if (other != c) {
                rest[n++] = other;
            }
        }
        cursors = rest;
        trim();
    }

    boolean idle() {
        return cursors.length == 0;
    }

    void append(Pushed message, int size) {
        if (head - tail == messages.length) {
            grow();
        }
        int at = (int) head & (messages.length - 1);
        messages[at] = message;
        head++;
        headBytes += size;
        ends[at] = headBytes;
    }

    /** The largest output buffer of the log's readers, in bytes. */
    long most() {
        return headBytes - slowestRead;
    }

    /**
     * Whether every reader is still as the last check left it, all under the soft limit, and the largest buffer is
     * under both limits: then no reader's buffer is at a limit (reads only shrink them, closes only remove one).
     */
    boolean quiet(BroadcastConfig config) {
        long soft = config.softLimitBytes() > 0 ? config.softLimitBytes() : Long.MAX_VALUE;
        return calm && most() < Math.min(soft, config.hardLimitBytes() > 0 ? config.hardLimitBytes() : Long.MAX_VALUE);
    }

    void calm(boolean calm) {
        this.calm = calm;
    }

    /** The bytes {@code c} has not read: its output buffer's size. */
    long bytes(Cursor c) {
        return headBytes - c.bytesRead;
    }

    /** Up to {@code max} messages from {@code c}'s place, oldest first; the cursor moves past them. */
    Pushed[] take(Cursor c, int max) {
        int n = (int) Math.min(max, head - c.seq);
        Pushed[] out = new Pushed[n];
        if (n == 0) {
            return out;
        }
        int from = (int) c.seq & (messages.length - 1);
        int first = Math.min(n, messages.length - from); // up to the ring's end, then the rest from its start
        System.arraycopy(messages, from, out, 0, first);
        System.arraycopy(messages, 0, out, first, n - first);
        boolean slowest = c.seq == tail;
        c.seq += n;
        c.bytesRead = ends[(int) (c.seq - 1) & (messages.length - 1)];
        if (slowest) {
            trim();
        }
        return out;
    }

    /** Clears the slots every cursor has passed. */
    private void trim() {
        long slowest = head;
        slowestRead = headBytes;
        for (Cursor c : cursors) {
            slowest = Math.min(slowest, c.seq);
            slowestRead = Math.min(slowestRead, c.bytesRead);
        }
        int mask = messages.length - 1;
        for (long s = tail; s < slowest; s++) {
            messages[(int) s & mask] = null;
        }
        tail = slowest;
    }

    private void grow() {
        Pushed[] m = new Pushed[messages.length * 2];
        long[] e = new long[messages.length * 2];
        for (long seq = tail; seq < head; seq++) {
            m[(int) seq & (m.length - 1)] = messages[(int) seq & (messages.length - 1)];
            e[(int) seq & (e.length - 1)] = ends[(int) seq & (ends.length - 1)];
        }
        messages = m;
        ends = e;
    }
}
