package dev.queuelab.check.backpressure;

import dev.queuelab.api.backpressure.BufferConfig;
import dev.queuelab.reference.backpressure.BoundedBuffer;
import dev.queuelab.reference.backpressure.BufferStore;
import dev.queuelab.reference.backpressure.DepthAlarm;
import dev.queuelab.reference.backpressure.MemoryStore;
import dev.queuelab.reference.backpressure.OverflowPolicy;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Optional;

/**
 * Buffers with one mistake each, every one a part of the reference swapped for a broken one: each must be caught
 * with the anomaly named, in a story short enough to read at a glance.
 */
public final class BufferGallery {

    /** A variant: its name, how to make it, what it claims to keep, and the anomaly that must catch it. */
    public record Variant(String name, BufferFactory factory, BufferPromise promise, String expected) {}

    public static final List<Variant> VARIANTS = List.of(
            new Variant(
                    "full-off-by-one",
                    (config, clock, alarm) -> BoundedBuffer.of(
                            config,
                            (depth, capacity) ->
                                    depth > capacity ? OverflowPolicy.Decision.REFUSE : OverflowPolicy.Decision.ACCEPT,
                            new MemoryStore(),
                            clock,
                            alarm),
                    BufferPromise.DROP,
                    "bound-exceeded"),
            new Variant(
                    "ring-overwrites-silently",
                    (config, clock, alarm) -> BoundedBuffer.of(
                            config, OverflowPolicy.buffer(), new RingStore(config.capacity()), clock, alarm),
                    BufferPromise.MEMORY,
                    "lost"),
            new Variant(
                    "stack-not-queue",
                    (config, clock, alarm) ->
                            BoundedBuffer.of(config, OverflowPolicy.dropOldest(), new StackStore(), clock, alarm),
                    BufferPromise.DROP,
                    "reordered"),
            new Variant(
                    "block-drops-oldest",
                    (config, clock, alarm) ->
                            BoundedBuffer.of(config, OverflowPolicy.dropOldest(), new MemoryStore(), clock, alarm),
                    BufferPromise.BLOCK,
                    "block-dropped"),
            new Variant(
                    "timeout-seconds-as-millis",
                    (config, clock, alarm) -> BoundedBuffer.blocking(
                            new BufferConfig(
                                    config.capacity(),
                                    Duration.ofMillis(config.timeout().toSeconds()),
                                    config.alarmHigh(),
                                    config.alarmLow()),
                            clock,
                            alarm),
                    BufferPromise.BLOCK,
                    "gave-up-early"),
            new Variant(
                    "disk-buffer-in-memory",
                    (config, clock, alarm) -> BoundedBuffer.inMemory(config, clock, alarm),
                    BufferPromise.DISK,
                    "lost-at-restart"),
            new Variant(
                    "alarm-without-hysteresis",
                    (config, clock, alarm) -> new BoundedBuffer(
                            config,
                            OverflowPolicy.block(),
                            new MemoryStore(),
                            new DepthAlarm(config.alarmHigh(), config.alarmHigh() - 1, alarm),
                            clock),
                    BufferPromise.BLOCK,
                    "alarm-wrong"));

    private BufferGallery() {}

    /** A fixed ring that overwrites its oldest slot when full, and tells no one. */
    static final class RingStore implements BufferStore {
        private final ArrayDeque<String> ring = new ArrayDeque<>();
        private final int slots;

        RingStore(int slots) {
            this.slots = slots;
        }

        @Override
        public void append(String message) {
            if (ring.size() == slots) {
                ring.pollFirst();
            }
            ring.addLast(message);
        }

        @Override
        public Optional<String> take() {
            return Optional.ofNullable(ring.pollFirst());
        }

        @Override
        public int size() {
            return ring.size();
        }

        @Override
        public void restart() {
            ring.clear();
        }

        @Override
        public boolean durable() {
            return false;
        }
    }

    /** Takes the newest first: a stack where a queue belongs. */
    static final class StackStore implements BufferStore {
        private final ArrayDeque<String> stack = new ArrayDeque<>();

        @Override
        public void append(String message) {
            stack.addLast(message);
        }

        @Override
        public Optional<String> take() {
            return Optional.ofNullable(stack.pollLast());
        }

        @Override
        public int size() {
            return stack.size();
        }

        @Override
        public void restart() {
            stack.clear();
        }

        @Override
        public boolean durable() {
            return false;
        }
    }
}
