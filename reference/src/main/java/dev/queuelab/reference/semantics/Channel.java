package dev.queuelab.reference.semantics;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The network between a producer and the broker: requests in flight, oldest first, and the faults a network
 * does to them. Each fault is a call, so a scenario chooses when it strikes.
 *
 * Teaches: a producer cannot tell a lost request from a lost answer: both are silence, and only a retry (which
 * duplicates when the answer was the one lost) or giving up (which loses when the request was) follows.
 * Invariants:
 *   CH1 a request leaves the channel only by being delivered (once, or twice when duplicated) or dropped;
 *   CH2 without delay or reorder, requests arrive in the order they were sent.
 * Thread-safety: not thread-safe; {@link Pipeline} calls it from one thread.
 * Real world: TCP between a client and a broker, with timeouts, retries and reconnects.
 *
 * @param <R> a request
 */
public final class Channel<R> {

    /** What the network does to the oldest request in flight. */
    public enum Fault {
        /** It arrives and its answer comes back. */
        NONE,
        /** It never arrives: the producer hears nothing. */
        DROP_REQUEST,
        /** It arrives, but its answer is lost: the producer hears nothing. */
        DROP_ANSWER,
        /** It arrives twice (a retransmission on a new connection); one answer comes back. */
        DUPLICATE
    }

    private final List<R> inFlight = new ArrayList<>();

    /** A producer sends a request. */
    public void send(R request) {
        inFlight.add(request);
    }

    /** The oldest request leaves the channel, to be delivered or dropped as its fault says (CH1). */
    public Optional<R> take() {
        return inFlight.isEmpty() ? Optional.empty() : Optional.of(inFlight.remove(0));
    }

    /** The oldest request is held back behind every other in flight. */
    public boolean delay() {
        if (inFlight.size() < 2) {
            return false;
        }
        inFlight.add(inFlight.remove(0));
        return true;
    }

    /** The two oldest requests swap places. */
    public boolean reorder() {
        if (inFlight.size() < 2) {
            return false;
        }
        inFlight.add(1, inFlight.remove(0));
        return true;
    }

    public int size() {
        return inFlight.size();
    }
}
