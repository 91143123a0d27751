package dev.queuelab.reference.semantics;

import dev.queuelab.reference.log.LogRules;

/**
 * The log's rules for a pipeline whose network may deliver a producer's requests out of order: a producer's
 * first append to a partition must carry sequence 0.
 *
 * Teaches: Kafka accepts any first sequence from a producer it holds no state for (L12), and relies on its one
 * connection per broker to deliver a producer's batches in order, so that batch 0 always comes first. The
 * pipeline's {@link Channel} delays and reorders requests, which that connection never does; with the rule
 * as Kafka has it, a first request overtaken by the second would be refused for ever (its sequence 0 is then
 * out of order). Requiring 0 first is what the ordered connection gives Kafka.
 * Invariants: those of the log (L1 to L15), with L12's first sequence fixed at 0.
 * Thread-safety: stateless.
 * Real world: Kafka's producer with max.in.flight.requests.per.connection at most 5 over one TCP connection.
 */
final class OneConnectionRules extends LogRules {

    static final OneConnectionRules RULES = new OneConnectionRules();

    private OneConnectionRules() {}

    @Override
    protected boolean acceptsFirstSequence(int sequence) {
        return sequence == 0; // L12: the ordered connection delivers sequence 0 first
    }
}
