package dev.queuelab.exercises.ex17_backpressure;

import dev.queuelab.api.backpressure.AlarmListener;
import dev.queuelab.api.backpressure.Buffer;
import dev.queuelab.api.backpressure.BufferConfig;
import dev.queuelab.api.backpressure.Offer;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * Exercise 17: a blocking buffer with a depth alarm.
 *
 * Teaches: backpressure that pushes back. A full buffer does not drop and does not grow: the producer's offer
 * waits for space, and after its timeout it is told so and keeps the message. An alarm on depth, with two
 * thresholds, says the buffer is filling without paging on every message.
 * Invariants (numbered as in BoundedBuffer and DepthAlarm): BP1 depth never exceeds the capacity; BP2 every
 * accepted message is delivered once; BP3 in the order accepted; BP4 a full buffer makes the offer wait, admits
 * waiters oldest first as space frees, and times a wait out only once its deadline has passed on the clock;
 * AL1 the alarm is raised when depth reaches high; AL2 it clears when depth falls to low, and only then.
 * Thread-safety: every public method is synchronized on the buffer.
 * Real world: ArrayBlockingQueue.offer(e, timeout, unit); a CloudWatch alarm on queue depth.
 */
public class BlockingBuffer implements Buffer {

    private record Waiter(String message, Instant deadline) {}

    private final BufferConfig config;
    private final InstantSource clock;
    private final ArrayDeque<String> messages = new ArrayDeque<>();
    private final ArrayDeque<Waiter> waiting = new ArrayDeque<>();
    private AlarmListener listener = AlarmListener.NONE;
    private boolean raised;

    public BlockingBuffer(BufferConfig config, InstantSource clock) {
        this.config = config;
        this.clock = clock;
    }

    // ---- the policy and the alarm (this exercise) ----

    @Override
    public synchronized Offer offer(String message) {
        // Exercise 17: yours to write; the task is in the README.md next to this file.
        throw new UnsupportedOperationException("exercise 17: BlockingBuffer.offer is not written yet; the task is in the README.md next to BlockingBuffer.java");
    }

    @Override
    public synchronized Taken poll() {
        // Exercise 17: yours to write; the task is in the README.md next to this file.
        throw new UnsupportedOperationException("exercise 17: BlockingBuffer.poll is not written yet; the task is in the README.md next to BlockingBuffer.java");
    }

    /** AL1, AL2: called after every change of depth. */
    private void alarm() {
        // Exercise 17: yours to write; the task is in the README.md next to this file.
        throw new UnsupportedOperationException("exercise 17: BlockingBuffer.alarm is not written yet; the task is in the README.md next to BlockingBuffer.java");
    }

    // ---- given ----

    @Override
    public synchronized List<Offer> expire() {
        return expired();
    }

    /** The waits whose deadline is now or past, answered TIMED_OUT, oldest first (they are in deadline order). */
    private List<Offer> expired() {
        List<Offer> out = new ArrayList<>();
        while (!waiting.isEmpty() && !waiting.peekFirst().deadline().isAfter(clock.instant())) {
            out.add(Offer.of(waiting.pollFirst().message(), Offer.Kind.TIMED_OUT));
        }
        return out;
    }

    /** In memory: a restart loses what the buffer held, and every waiting producer is told its wait failed. */
    @Override
    public synchronized List<Offer> restart() {
        List<Offer> failed = new ArrayList<>();
        waiting.forEach(w -> failed.add(Offer.of(w.message(), Offer.Kind.FAILED)));
        waiting.clear();
        messages.clear();
        alarm();
        return failed;
    }

    @Override
    public synchronized void onAlarm(AlarmListener listener) {
        this.listener = listener;
    }
}
