package dev.queuelab.reference.semantics;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A producer's side of delivery semantics: what it does about a request whose answer never came.
 *
 * Teaches: fire-and-forget loses what the network drops (at-most-once); retrying until acknowledged never
 * loses but stores a second copy when only the answer was lost (at-least-once); an idempotent producer retries
 * with the sequence number of the first attempt, so that a log that remembers sequences refuses the copy.
 * Invariants (numbered as in {@link Pipeline}): DL4 every attempt of a message carries its idempotency key,
 * and on the log the sequence number of its first attempt.
 * Thread-safety: not thread-safe; {@link Pipeline} calls it from one thread.
 * Real world: a Kafka producer with acks=0 (fire-and-forget), retries with enable.idempotence=false, and
 * enable.idempotence=true; an SQS client's retries.
 */
public final class Producer {

    /** What the producer does about silence. */
    public enum Mode {
        /** Sends once and forgets. */
        FIRE_AND_FORGET,
        /** Sends again, as a new copy, until an answer says the message is stored. */
        RETRY_UNTIL_ACKED,
        /** Sends again with the first attempt's sequence number, until an answer says the message is stored. */
        IDEMPOTENT
    }

    private final Mode mode;
    private final Map<String, Broker.Request> unacknowledged = new LinkedHashMap<>();
    private int sequence;

    public Producer(Mode mode) {
        this.mode = mode;
    }

    /** The first attempt of a new message. */
    public Broker.Request publish(String key) {
        Broker.Request first = new Broker.Request(key, 1, sequence++);
        if (mode != Mode.FIRE_AND_FORGET) {
            unacknowledged.put(key, first);
        }
        return first;
    }

    /** The next attempt of every message still unacknowledged, oldest first; none for fire-and-forget. */
    public List<Broker.Request> retry() {
        List<Broker.Request> again = new ArrayList<>();
        for (Broker.Request r : unacknowledged.values()) {
            again.add(new Broker.Request(r.key(), r.attempt() + 1, r.sequence()));
        }
        again.forEach(r -> unacknowledged.put(r.key(), r));
        return again;
    }

    /** An answer came back for a request. */
    public void answered(Broker.Request request, Broker.Answer answer) {
        if (answer.stored()) {
            unacknowledged.remove(request.key());
        }
    }

    public int unacknowledged() {
        return unacknowledged.size();
    }

    public Mode mode() {
        return mode;
    }
}
