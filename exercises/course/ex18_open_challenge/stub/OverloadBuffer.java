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
        // Exercise 18: yours to write; the task is in the README.md next to this file.
        throw new UnsupportedOperationException("exercise 18: OverloadBuffer.offer is not written yet; the task is in the README.md next to OverloadBuffer.java");
    }

    @Override
    public synchronized Taken poll() {
        // Exercise 18: yours to write; the task is in the README.md next to this file.
        throw new UnsupportedOperationException("exercise 18: OverloadBuffer.poll is not written yet; the task is in the README.md next to OverloadBuffer.java");
    }

    @Override
    public synchronized List<Offer> expire() {
        // Exercise 18: yours to write; the task is in the README.md next to this file.
        throw new UnsupportedOperationException("exercise 18: OverloadBuffer.expire is not written yet; the task is in the README.md next to OverloadBuffer.java");
    }

    @Override
    public synchronized List<Offer> restart() {
        // Exercise 18: yours to write; the task is in the README.md next to this file.
        throw new UnsupportedOperationException("exercise 18: OverloadBuffer.restart is not written yet; the task is in the README.md next to OverloadBuffer.java");
    }

    @Override
    public synchronized void onAlarm(AlarmListener listener) {
        // Exercise 18: yours to write; the task is in the README.md next to this file.
        throw new UnsupportedOperationException("exercise 18: OverloadBuffer.onAlarm is not written yet; the task is in the README.md next to OverloadBuffer.java");
    }

    private void depthChanged() {
        // Exercise 18: yours to write; the task is in the README.md next to this file.
        throw new UnsupportedOperationException("exercise 18: OverloadBuffer.depthChanged is not written yet; the task is in the README.md next to OverloadBuffer.java");
    }
}
