package dev.queuelab.check.backpressure;

/**
 * What the harness holds a buffer to (its capabilities), beyond what every buffer keeps (conservation BP2, order
 * BP3, the alarm AL1-AL2): that depth stays within the capacity (BP1), that it never drops or refuses before the
 * timeout (BP4), and that a restart keeps what it holds (BP5).
 */
public record BufferPromise(boolean bounded, boolean neverDrops, boolean durable) {

    public static final BufferPromise BLOCK = new BufferPromise(true, true, false);
    public static final BufferPromise MEMORY = new BufferPromise(false, false, false);
    public static final BufferPromise DISK = new BufferPromise(false, false, true);
    public static final BufferPromise DROP = new BufferPromise(true, false, false);
}
