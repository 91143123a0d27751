package dev.queuelab.check.heldout.backpressure;

import dev.queuelab.reference.backpressure.BufferStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A buffer's messages in a log on a disk that outlives the process: the {@link #disk} list and the committed read
 * position stand for a file and its offset file, which a restart keeps; what is only in memory (the write-behind
 * batch, the uncommitted position) it loses.
 *
 * Teaches: a disk buffer keeps what it wrote and resumes where it committed, no more.
 * Invariants: keeps BP5 when it writes each append and commits each take before answering; {@link Slip#DISK_LOSES_TAIL}
 * and {@link Slip#DISK_REPLAYS_TAKEN} batch one of the two.
 * Thread-safety: none; its buffer holds the monitor.
 * Real world: a log shipper's disk buffer (a segment file and a checkpoint).
 */
final class DiskStore implements BufferStore {

    private static final int BATCH = 4;

    private final Slip slip;
    private final List<String> disk = new ArrayList<>();
    private final List<String> unwritten = new ArrayList<>();
    private int committed;
    private int position;

    DiskStore(Slip slip) {
        this.slip = slip;
    }

    @Override
    public void append(String message) {
        unwritten.add(message);
        if (slip != Slip.DISK_LOSES_TAIL || unwritten.size() == BATCH) {
            disk.addAll(unwritten);
            unwritten.clear();
        }
    }

    @Override
    public Optional<String> take() {
        if (position == disk.size() && !unwritten.isEmpty()) { // a read of the tail writes it first
            disk.addAll(unwritten);
            unwritten.clear();
        }
        if (position == disk.size()) {
            return Optional.empty();
        }
        String message = disk.get(position++);
        if (slip != Slip.DISK_REPLAYS_TAKEN || position - committed == BATCH) {
            committed = position;
        }
        return Optional.of(message);
    }

    @Override
    public int size() {
        return disk.size() + unwritten.size() - position;
    }

    @Override
    public void restart() {
        unwritten.clear();
        position = committed;
    }

    @Override
    public boolean durable() {
        return true;
    }
}
