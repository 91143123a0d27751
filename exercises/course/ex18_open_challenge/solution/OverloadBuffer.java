package dev.queuelab.exercises.ex18_open_challenge;

import dev.queuelab.api.backpressure.AlarmListener;
import dev.queuelab.api.backpressure.Buffer;
import dev.queuelab.api.backpressure.BufferConfig;
import dev.queuelab.api.backpressure.Offer;
import java.time.InstantSource;
import java.util.ArrayDeque;
import java.util.List;

/**
 * Exercise 18, an open challenge: a bounded buffer of your own design.
 *
 * Teaches: there is more than one honest answer to overload. This solution is one of them, a ring that drops its
 * oldest message and names it; refusing the newest, blocking, or a mix of them pass the same checks.
 * Invariants (numbered as in BoundedBuffer and DepthAlarm): BP1 depth never exceeds the capacity; BP2 every
 * accepted message is delivered once or named as dropped; BP3 survivors in the order accepted; AL1, AL2 the alarm
 * with hysteresis.
 * Thread-safety: every public method is synchronized on the buffer.
 * Real world: RabbitMQ's x-overflow drop-head; a telemetry agent's ring buffer that counts what it sheds.
 */
public class OverloadBuffer implements Buffer {

    private final BufferConfig config;
    private final InstantSource clock;
    private final ArrayDeque<String> ring = new ArrayDeque<>();
    private AlarmListener listener = AlarmListener.NONE;
    private boolean raised;

    public OverloadBuffer(BufferConfig config, InstantSource clock) {
        this.config = config;
        this.clock = clock;
    }

    @Override
    public synchronized Offer offer(String message) {
        // begin exercise 18
        String dropped = ring.size() >= config.capacity() ? ring.pollFirst() : null;
        ring.addLast(message);
        depthChanged();
        return dropped == null ? Offer.of(message, Offer.Kind.ACCEPTED) : Offer.droppedOldest(message, dropped);
        // end exercise 18
    }

    @Override
    public synchronized Taken poll() {
        // begin exercise 18
        String taken = ring.pollFirst();
        depthChanged();
        return new Taken(taken, List.of());
        // end exercise 18
    }

    @Override
    public synchronized List<Offer> expire() {
        // begin exercise 18
        return List.of(); // nothing ever waits here
        // end exercise 18
    }

    @Override
    public synchronized List<Offer> restart() {
        // begin exercise 18
        ring.clear();
        depthChanged();
        return List.of();
        // end exercise 18
    }

    @Override
    public synchronized void onAlarm(AlarmListener listener) {
        // begin exercise 18
        this.listener = listener;
        // end exercise 18
    }

    private void depthChanged() {
        // begin exercise 18
        if (!raised && ring.size() >= config.alarmHigh()) {
            raised = true;
            listener.alarm(true, ring.size());
        } else if (raised && ring.size() <= config.alarmLow()) {
            raised = false;
            listener.alarm(false, ring.size());
        }
        // end exercise 18
    }
}
