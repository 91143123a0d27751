package dev.queuelab.reference.log;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The future a send on disk returns: it holds the append's outcome and completes with it once the append survives
 * what the flush policy names. One object per send, nothing chained behind it: the flush completes it directly.
 *
 * Teaches: an acknowledgement is a promise about a moment (the force, or the write, that covers the append), and
 * the cheapest way to keep many such promises is one future each, in offset order, completed in a sweep.
 * Invariants:
 *   AK1 it completes only with its own outcome, and only when the {@link Flusher} finds its offset covered (DS5);
 *   AK2 under the page-cache policy, waiting on it (get, join), or on a stage made from it, first writes the
 *      batch that holds its append: a waiter never waits for a batch to fill, and still gets its answer only
 *      after the write (the bytes are in the page cache before the future completes).
 * Thread-safety: as {@link CompletableFuture}; {@code whenWaited} must be safe to run from any thread.
 * Real world: the future of Kafka's producer (RecordMetadata), completed by its sender thread once the broker
 * answers; Kafka's producer has no write-on-wait, it sends a batch when it fills or linger.ms passes.
 */
final class Acknowledgement<T> extends CompletableFuture<T> {

    final long offset;
    private final T value;
    private final Runnable whenWaited; // AK2: page cache only; null when waiting changes nothing

    Acknowledgement(long offset, T value, Runnable whenWaited) {
        this.offset = offset;
        this.value = value;
        this.whenWaited = whenWaited;
    }

    /** AK1: completes with the outcome it was made with. */
    void acknowledge() {
        complete(value);
    }

    @Override
    public T get() throws InterruptedException, ExecutionException {
        waited();
        return super.get();
    }

    @Override
    public T get(long timeout, TimeUnit unit) throws InterruptedException, ExecutionException, TimeoutException {
        waited();
        return super.get(timeout, unit);
    }

    @Override
    public T join() {
        waited();
        return super.join();
    }

    /** AK2: a stage made from this one (thenApply, thenAccept...) writes the batch when waited on, too. */
    @Override
    public <U> CompletableFuture<U> newIncompleteFuture() {
        return new Acknowledgement<>(offset, null, whenWaited);
    }

    private void waited() {
        if (whenWaited != null && !isDone()) {
            whenWaited.run(); // AK2
        }
    }
}
