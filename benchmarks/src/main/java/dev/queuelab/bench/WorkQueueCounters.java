package dev.queuelab.bench;

import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * What a work-queue benchmark saw besides its throughput, so that a fast wrong result cannot pass as a fast
 * right one: each must stay 0 in these benchmarks, and the report shows them beside the score.
 */
@State(Scope.Thread)
@AuxCounters(AuxCounters.Type.EVENTS)
public class WorkQueueCounters {
    /** Receives that found nothing although a message was waiting. */
    public long empty;
    /** Deliveries with a receive count above 1: a lease expired under a live consumer. */
    public long redelivered;
    /** Acks refused: the receipt was not current. */
    public long refused;
    /** Sends answered as duplicates. */
    public long duplicates;
    /** Empty receives explained by messages moved to the dead-letter queue (the queues keep maxReceives 10). */
    public long deadLettered;
}
