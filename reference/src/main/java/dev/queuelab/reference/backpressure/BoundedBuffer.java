package dev.queuelab.reference.backpressure;

import dev.queuelab.api.backpressure.AlarmListener;
import dev.queuelab.api.backpressure.Buffer;
import dev.queuelab.api.backpressure.BufferConfig;
import dev.queuelab.api.backpressure.Offer;
import java.nio.file.Path;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A buffer between a producer and a slower consumer, composed of a policy for when it is full, a store where
 * messages wait, and an alarm on its depth: block the producer ({@link #blocking}), buffer in memory
 * ({@link #inMemory}), buffer to disk ({@link #onDisk}), or drop ({@link #refusingNewest}, {@link #droppingOldest}).
 *
 * Teaches: backpressure is a choice of who pays for overload: the producer waits, memory grows until a crash
 * takes it all, the disk grows and survives, or messages are dropped and the producer is told which.
 * Invariants:
 *   BP1 under a bounding policy (block, refuse newest, drop oldest) depth never exceeds the capacity;
 *   BP2 conservation: every accepted message is delivered once, or named as dropped in the answer to the offer
 *       that dropped it; nothing is silently gone (a restart of a store in memory loses what it holds: BP5);
 *   BP3 the messages that survive are delivered in the order they were accepted;
 *   BP4 block never drops: a full buffer makes the offer wait; it is admitted, oldest first, when space frees,
 *       or answered TIMED_OUT once its deadline has passed on the clock, never earlier;
 *   BP5 a buffer on a durable store keeps every accepted, undelivered message across a restart; one in memory
 *       loses them all.
 * The alarm keeps AL1 and AL2 ({@link DepthAlarm}) on the depth after every change.
 * Thread-safety: every public method is synchronized on the buffer.
 * Real world: a bounded java.util.concurrent.ArrayBlockingQueue (offer with a timeout), Reactor's
 * onBackpressureBuffer and onBackpressureDrop, RabbitMQ's x-overflow reject-publish and drop-head, a log shipper's
 * disk buffer.
 */
public final class BoundedBuffer implements Buffer {

    private record Waiter(String message, Instant deadline) {}

    private final BufferConfig config;
    private final OverflowPolicy policy;
    private final BufferStore store;
    private final DepthAlarm alarm;
    private final InstantSource clock;
    private final ArrayDeque<Waiter> waiting = new ArrayDeque<>();

    public BoundedBuffer(
            BufferConfig config, OverflowPolicy policy, BufferStore store, DepthAlarm alarm, InstantSource clock) {
        this.config = config;
        this.policy = policy;
        this.store = store;
        this.alarm = alarm;
        this.clock = clock;
    }

    /** Blocks the producer when full, for up to the configured timeout; in memory. */
    public static BoundedBuffer blocking(BufferConfig config, InstantSource clock, AlarmListener listener) {
        return of(config, OverflowPolicy.block(), new MemoryStore(), clock, listener);
    }

    /** Keeps accepting in memory: depth grows, and a crash loses it all. */
    public static BoundedBuffer inMemory(BufferConfig config, InstantSource clock, AlarmListener listener) {
        return of(config, OverflowPolicy.buffer(), new MemoryStore(), clock, listener);
    }

    /** Keeps accepting into the durable log under {@code dir}: depth grows on disk, and survives a restart. */
    public static BoundedBuffer onDisk(BufferConfig config, Path dir, InstantSource clock, AlarmListener listener) {
        return of(config, OverflowPolicy.buffer(), new LogStore(dir, clock), clock, listener);
    }

    /** Refuses the newest when full. */
    public static BoundedBuffer refusingNewest(BufferConfig config, InstantSource clock, AlarmListener listener) {
        return of(config, OverflowPolicy.refuseNewest(), new MemoryStore(), clock, listener);
    }

    /** Drops the oldest when full, naming it in the answer. */
    public static BoundedBuffer droppingOldest(BufferConfig config, InstantSource clock, AlarmListener listener) {
        return of(config, OverflowPolicy.dropOldest(), new MemoryStore(), clock, listener);
    }

    /** Any policy over any store, with the configured alarm. */
    public static BoundedBuffer of(
            BufferConfig config,
            OverflowPolicy policy,
            BufferStore store,
            InstantSource clock,
            AlarmListener listener) {
        return new BoundedBuffer(
                config, policy, store, new DepthAlarm(config.alarmHigh(), config.alarmLow(), listener), clock);
    }

    @Override
    public synchronized Offer offer(String message) {
        if (!waiting.isEmpty()) { // BP4, BP3: a new offer queues behind those already waiting
            return waitFor(message);
        }
        Offer answer = switch (policy.decide(store.size(), config.capacity())) {
            case ACCEPT -> accept(message);
            case WAIT -> waitFor(message);
            case REFUSE -> Offer.of(message, Offer.Kind.REFUSED);
            case DROP_OLDEST -> {
                Optional<String> oldest = store.take();
                store.append(message);
                yield oldest.map(o -> Offer.droppedOldest(message, o))
                        .orElseGet(() -> Offer.of(message, Offer.Kind.ACCEPTED));
            }
        };
        alarm.update(store.size());
        return answer;
    }

    private Offer accept(String message) {
        store.append(message);
        return Offer.of(message, Offer.Kind.ACCEPTED);
    }

    private Offer waitFor(String message) {
        Instant deadline = clock.instant().plus(config.timeout());
        waiting.addLast(new Waiter(message, deadline));
        return Offer.waiting(message, deadline);
    }

    @Override
    public synchronized Taken poll() {
        List<Offer> admitted = expired(); // BP4: a deadline already passed is answered, not admitted
        Optional<String> taken = store.take();
        alarm.update(store.size());
        while (!waiting.isEmpty() && policy.decide(store.size(), config.capacity()) == OverflowPolicy.Decision.ACCEPT) {
            Waiter w = waiting.pollFirst();
            store.append(w.message());
            admitted.add(Offer.of(w.message(), Offer.Kind.ADMITTED));
            alarm.update(store.size());
        }
        return new Taken(taken.orElse(null), admitted);
    }

    @Override
    public synchronized List<Offer> expire() {
        return expired();
    }

    private List<Offer> expired() {
        List<Offer> out = new ArrayList<>();
        Instant now = clock.instant();
        // deadlines are in offer order, and every wait is as long, so the expired ones are at the head
        while (!waiting.isEmpty() && !waiting.peekFirst().deadline().isAfter(now)) {
            out.add(Offer.of(waiting.pollFirst().message(), Offer.Kind.TIMED_OUT));
        }
        return out;
    }

    @Override
    public synchronized List<Offer> restart() {
        List<Offer> failed = new ArrayList<>();
        waiting.forEach(w -> failed.add(Offer.of(w.message(), Offer.Kind.FAILED)));
        waiting.clear();
        store.restart();
        alarm.update(store.size());
        return failed;
    }

    @Override
    public synchronized void onAlarm(AlarmListener listener) {
        alarm.listener(listener);
    }

    /** Messages in the store (waiting offers are not in it). */
    public synchronized int depth() {
        return store.size();
    }
}
