package dev.queuelab.check.heldout.backpressure;

import dev.queuelab.api.backpressure.AlarmListener;
import dev.queuelab.api.backpressure.Buffer;
import dev.queuelab.api.backpressure.BufferConfig;
import dev.queuelab.api.backpressure.Offer;
import dev.queuelab.reference.backpressure.BufferStore;
import dev.queuelab.reference.backpressure.OverflowPolicy;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A copy of the reference buffer that makes one held-out {@link Slip}, written without sight of the buffer checks.
 * A buffer between a producer and a slower consumer, composed of a policy for when it is full, a store where
 * messages wait, and an alarm on its depth: block the producer ({@code blocking}), buffer in memory
 * ({@code inMemory}), buffer to disk ({@code onDisk}), or drop ({@code refusingNewest}, {@code droppingOldest}).
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
    private final Slip slip;

    BoundedBuffer(
            BufferConfig config,
            OverflowPolicy policy,
            BufferStore store,
            DepthAlarm alarm,
            InstantSource clock,
            Slip slip) {
        this.slip = slip;
        this.config = config;
        this.policy = policy;
        this.store = store;
        this.alarm = alarm;
        this.clock = clock;
    }

    /** The response {@code slip} breaks, over a store in memory or the held-out disk store, making that slip. */
    public static BoundedBuffer of(BufferConfig config, InstantSource clock, AlarmListener listener, Slip slip) {
        OverflowPolicy policy = switch (slip.response) {
            case BLOCK -> OverflowPolicy.block();
            case DROP_OLDEST -> OverflowPolicy.dropOldest();
            case DISK -> OverflowPolicy.buffer();
        };
        BufferStore store = slip.response == Slip.Response.DISK ? new DiskStore(slip) : new MemoryStore();
        return new BoundedBuffer(
                config,
                policy,
                store,
                new DepthAlarm(config.alarmHigh(), config.alarmLow(), listener, slip),
                clock,
                slip);
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
                Optional<String> oldest =
                        slip == Slip.DROP_OLDEST_DROPS_NEWEST ? ((MemoryStore) store).takeNewest() : store.take();
                store.append(message);
                yield oldest.map(o -> Offer.droppedOldest(message, slip == Slip.DROP_NAMES_THE_OFFERED ? message : o))
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
            Waiter w = slip == Slip.WAITERS_NEWEST_FIRST ? waiting.pollLast() : waiting.pollFirst();
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
        if (slip == Slip.BLOCK_NEVER_TIMES_OUT) {
            return out;
        }
        if (slip == Slip.EXPIRE_ALL_WAITERS
                && !waiting.isEmpty()
                && !waiting.peekFirst().deadline().isAfter(now)) {
            waiting.forEach(w -> out.add(Offer.of(w.message(), Offer.Kind.TIMED_OUT)));
            waiting.clear();
            return out;
        }
        // deadlines are in offer order, and every wait is as long, so the expired ones are at the head
        while (!waiting.isEmpty()
                && (slip == Slip.TIMEOUT_AFTER_DEADLINE
                        ? waiting.peekFirst().deadline().isBefore(now)
                        : !waiting.peekFirst().deadline().isAfter(now))) {
            out.add(Offer.of(waiting.pollFirst().message(), Offer.Kind.TIMED_OUT));
        }
        return out;
    }

    @Override
    public synchronized List<Offer> restart() {
        List<Offer> failed = new ArrayList<>();
        if (slip != Slip.RESTART_FORGETS_WAITERS) {
            waiting.forEach(w -> failed.add(Offer.of(w.message(), Offer.Kind.FAILED)));
        }
        waiting.clear();
        store.restart();
        if (slip != Slip.RESTART_KEEPS_ALARM) {
            alarm.update(store.size());
        }
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
