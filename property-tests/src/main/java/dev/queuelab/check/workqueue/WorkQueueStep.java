package dev.queuelab.check.workqueue;

import dev.queuelab.check.ScenarioStep;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One step of a work-queue scenario. Steps name what they act on symbolically ("the nth delivery consumer
 * B holds, oldest first"), never by a receipt, so that a scenario stays meaningful when the shrinker removes
 * the steps around it. A step whose target is missing (B holds nothing) is skipped and said so in the story.
 */
public sealed interface WorkQueueStep extends ScenarioStep {

    /** Consumers in scenarios; producers need no names, as sends come from one producer. */
    List<String> CONSUMERS = List.of("A", "B", "C");

    @Override
    List<WorkQueueStep> simpler();

    /** Which id a send gives its message: a producer that names messages by a business key reuses them. */
    enum Id {
        /** A new id, m1, m2... */
        FRESH,
        /** The id of the earliest acked message whose id is free again; a fresh one if none is. */
        ACKED,
        /**
         * The id of the earliest message sent and never acked (waiting, in flight or dead-lettered): the queue
         * refuses it with DuplicateMessageIdException, unless its dedup id makes it a FIFO duplicate.
         */
        HELD,
        /**
         * The previous send again (its id, body and dedup id; this step's group): a producer that retries a
         * send it is unsure of, or resends one that was refused.
         */
        RETRY
    }

    /**
     * The producer sends the next message: in group g{group} (FIFO) and with dedup id d{dedup} when those
     * are above 0 (a standard queue must ignore the dedup id), with the id {@code id} says. With
     * {@code noGroup} a FIFO queue's producer forgets the group: the queue must refuse the message and
     * remember nothing of it (a standard queue ignores it).
     */
    record Send(int group, int dedup, Id id, boolean noGroup, boolean answerLost) implements WorkQueueStep {
        public Send(int group, int dedup) {
            this(group, dedup, Id.FRESH, false, false);
        }

        public Send(int group, int dedup, Id id, boolean noGroup) {
            this(group, dedup, id, noGroup, false);
        }

        @Override
        public List<WorkQueueStep> simpler() {
            List<WorkQueueStep> out = new ArrayList<>();
            if (answerLost) {
                out.add(new Send(group, dedup, id, noGroup, false));
            }
            if (noGroup) {
                out.add(new Send(group, dedup, id, false, answerLost));
            }
            if (id != Id.FRESH) {
                out.add(new Send(group, dedup, Id.FRESH, noGroup, answerLost));
            }
            if (dedup > 0) {
                out.add(new Send(group, 0, id, noGroup, answerLost));
            }
            if (dedup > 1) {
                out.add(new Send(group, 1, id, noGroup, answerLost));
            }
            if (group > 1) {
                out.add(new Send(1, dedup, id, noGroup, answerLost));
            }
            return out;
        }
    }

    /**
     * A consumer receives up to {@code max} messages, hidden for {@code visibilityMillis} (-1: the queue's default).
     * Milliseconds, so that a timeout of 1.5 s can show a queue that rounds durations to whole seconds.
     */
    record Receive(String consumer, int max, int visibilityMillis) implements WorkQueueStep {
        @Override
        public List<WorkQueueStep> simpler() {
            List<WorkQueueStep> out = new ArrayList<>();
            if (!consumer.equals("A")) {
                out.add(new Receive("A", max, visibilityMillis));
            }
            if (max > 1) {
                out.add(new Receive(consumer, 1, visibilityMillis));
            }
            if (visibilityMillis >= 0) {
                out.add(new Receive(consumer, max, -1));
            }
            return out;
        }
    }

    /** A consumer processes the nth delivery it holds (oldest first, wrapping round) and acks it. */
    record Ack(String consumer, int nth) implements WorkQueueStep {
        @Override
        public List<WorkQueueStep> simpler() {
            List<WorkQueueStep> out = new ArrayList<>();
            if (nth > 0) {
                out.add(new Ack(consumer, 0));
            }
            if (!consumer.equals("A")) {
                out.add(new Ack("A", nth));
            }
            return out;
        }
    }

    /**
     * A consumer processes the first {@code count} deliveries it holds and acks them in one ackBatch (SQS's
     * DeleteMessageBatch); with {@code repeatFirst} the first receipt is in the batch twice, as a client that
     * retries a batch entry does.
     */
    record AckBatch(String consumer, int count, boolean repeatFirst) implements WorkQueueStep {
        @Override
        public List<WorkQueueStep> simpler() {
            List<WorkQueueStep> out = new ArrayList<>();
            out.add(new Ack(consumer, 0));
            if (repeatFirst) {
                out.add(new AckBatch(consumer, count, false));
            }
            if (count > 2) {
                out.add(new AckBatch(consumer, 2, repeatFirst));
            }
            if (!consumer.equals("A")) {
                out.add(new AckBatch("A", count, repeatFirst));
            }
            return out;
        }
    }

    /** A consumer sets a new visibility timeout on the nth delivery it holds: longer for a slow job, 0 to give it back. */
    record ChangeVisibility(String consumer, int nth, int seconds) implements WorkQueueStep {
        @Override
        public List<WorkQueueStep> simpler() {
            List<WorkQueueStep> out = new ArrayList<>();
            if (nth > 0) {
                out.add(new ChangeVisibility(consumer, 0, seconds));
            }
            if (!consumer.equals("A")) {
                out.add(new ChangeVisibility("A", nth, seconds));
            }
            for (int s : Ticks.smallerThan(seconds)) {
                out.add(new ChangeVisibility(consumer, nth, s));
            }
            return out;
        }
    }

    /** A consumer dies holding its deliveries: right after receiving, or after processing them but before acking. */
    record Crash(String consumer, boolean afterProcessing) implements WorkQueueStep {
        @Override
        public List<WorkQueueStep> simpler() {
            return consumer.equals("A") ? List.of() : List.of(new Crash("A", afterProcessing));
        }
    }

    /** The simulated clock moves forward. */
    record Tick(int seconds) implements WorkQueueStep {
        @Override
        public List<WorkQueueStep> simpler() {
            return Ticks.smallerThan(seconds).stream()
                    .<WorkQueueStep>map(Tick::new)
                    .toList();
        }

        /** Two ticks in a row are one tick of both lengths. */
        @Override
        public Optional<WorkQueueStep> mergedWith(ScenarioStep next) {
            return next instanceof Tick t ? Optional.of(new Tick(seconds + t.seconds)) : Optional.empty();
        }
    }

    /**
     * The checker reads the queue's dead letters, then its statistics. A step like any other, so that most
     * scenarios call every other method cold: a read that does work of its own (expiring leases, say)
     * would otherwise hide a method that forgets to.
     */
    record Observe() implements WorkQueueStep {
        @Override
        public List<WorkQueueStep> simpler() {
            return List.of();
        }
    }

    /** An operator looks at the dead-letter queue (as a console shows it) and moves every dead letter back. */
    record Redrive() implements WorkQueueStep {
        @Override
        public List<WorkQueueStep> simpler() {
            return List.of();
        }
    }
}
