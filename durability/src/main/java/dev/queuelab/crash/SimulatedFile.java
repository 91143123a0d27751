package dev.queuelab.crash;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * One file of a {@link SimulatedDisk} (an inode: a name may come and go, the bytes are here): what was written,
 * what is durable, and the writes and truncates in between, in order.
 *
 * Teaches: a file has two states, the page cache's and the device's; a force moves the first into the second, and a
 * crash leaves the device's with some of the page cache's changes, sector by sector.
 * Invariants:
 *   SM2 after {@link #settle}, the file holds its durable bytes with a subset of its pending sector writes and
 *      truncates applied in order; nothing else (a gap a kept sector opens is zeros);
 *   SM1 {@link #forceFirst} makes the first n pending changes durable, in order, and keeps the rest pending.
 * Thread-safety: none of its own; its disk's monitor guards it.
 * Real world: the page cache and the device under one inode; LazyFS keeps the same two states per file.
 */
final class SimulatedFile {

    static final int SECTOR = 512;

    private sealed interface Change permits Write, Truncate {}

    private record Write(long op, long position, byte[] bytes) implements Change {}

    private record Truncate(long op, long size) implements Change {}

    private byte[] durable = new byte[0];
    private byte[] bytes = new byte[0];
    private final List<Change> pending = new ArrayList<>();

    int size() {
        return bytes.length;
    }

    byte[] read(long position, int length) {
        int n = (int) Math.max(0, Math.min(length, bytes.length - position));
        return Arrays.copyOfRange(bytes, (int) position, (int) position + n);
    }

    void write(long op, long position, byte[] b) {
        bytes = apply(bytes, position, b, 0, b.length);
        pending.add(new Write(op, position, b));
    }

    void truncate(long op, long size) {
        bytes = Arrays.copyOf(bytes, (int) size);
        pending.add(new Truncate(op, size));
    }

    /** The changes a force that starts now covers: those made before it. */
    int pendingChanges() {
        return pending.size();
    }

    /** SM1: the first {@code covered} pending changes become durable. */
    void forceFirst(int covered) {
        byte[] b = durable;
        for (Change c : pending.subList(0, covered)) {
            if (c instanceof Truncate t) {
                b = Arrays.copyOf(b, (int) t.size());
            } else if (c instanceof Write w) {
                b = apply(b, w.position(), w.bytes(), 0, w.bytes().length);
            }
        }
        durable = b;
        pending.subList(0, covered).clear();
    }

    /** The power cut (SM2): keeps each pending truncate, and each sector of each pending write, or not. */
    void settle(String name, SplittableRandom r, int mode, List<String> lost) {
        byte[] b = durable;
        for (Change c : pending) {
            if (c instanceof Truncate t) {
                if (SimulatedDisk.keep(r, mode)) {
                    b = Arrays.copyOf(b, (int) t.size());
                } else {
                    lost.add("#" + t.op() + " lost: the truncate of " + name + " to " + t.size() + " bytes");
                }
            } else if (c instanceof Write w) {
                long end = w.position() + w.bytes().length;
                int sectors = 0;
                int kept = 0;
                for (long s = w.position() / SECTOR * SECTOR; s < end; s += SECTOR) {
                    long from = Math.max(s, w.position());
                    long to = Math.min(s + SECTOR, end);
                    sectors++;
                    if (SimulatedDisk.keep(r, mode)) {
                        kept++;
                        b = apply(b, from, w.bytes(), (int) (from - w.position()), (int) (to - from));
                    }
                }
                if (kept < sectors) {
                    lost.add("#" + w.op() + " "
                            + (kept == 0 ? "lost" : "torn (" + kept + " of " + sectors + " sectors kept)")
                            + ": the write of bytes " + w.position() + "-" + (end - 1) + " of "
                            + name);
                }
            }
        }
        durable = b;
        bytes = b.clone();
        pending.clear();
    }

    /** Damage to the medium, between lives: the durable bytes change, and so does what a reader sees. */
    void damage(java.util.function.UnaryOperator<byte[]> change) {
        durable = change.apply(durable.clone());
        bytes = durable.clone();
        pending.clear();
    }

    byte[] durable() {
        return durable.clone();
    }

    private static byte[] apply(byte[] to, long position, byte[] from, int offset, int length) {
        byte[] b = Arrays.copyOf(to, (int) Math.max(to.length, position + length));
        System.arraycopy(from, offset, b, (int) position, length);
        return b;
    }
}
