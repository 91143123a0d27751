package dev.queuelab.check.workqueue;

import dev.queuelab.api.Durations;
import dev.queuelab.api.workqueue.Delivery;
import dev.queuelab.api.workqueue.Message;
import dev.queuelab.api.workqueue.QueueStats;
import dev.queuelab.api.workqueue.ReceiptOutcome;
import dev.queuelab.api.workqueue.SendOutcome;
import dev.queuelab.check.Event;
import dev.queuelab.check.Op;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;

/**
 * What happened at one step: the operation invoked and what the implementation answered. A history is a
 * list of these; the invariants read nothing else. Each event tells its own line of the story.
 */
public sealed interface WorkQueueEvent extends Event {

    /** A send and its answer; {@code result} is null when no answer came (its operation's outcome is unknown). */
    record Sent(int step, Instant at, Message message, SendOutcome result) implements WorkQueueEvent {
        @Override
        public String process() {
            return "producer";
        }

        @Override
        public Op.Outcome outcome() {
            return result == null ? Op.Outcome.UNKNOWN : result.accepted() ? Op.Outcome.OK : Op.Outcome.FAIL;
        }

        @Override
        public String action() {
            return "producer sends " + message.id()
                    + (message.groupId() == null ? "" : " in group " + message.groupId())
                    + (message.dedupId() == null ? "" : " with dedup id " + message.dedupId());
        }

        @Override
        public String answer() {
            if (result == null) {
                return "no answer came (timed out): it may or may not be in the queue";
            }
            if (result.accepted()) {
                return message.id().equals(result.messageId()) ? "accepted" : "accepted as " + result.messageId();
            }
            return "duplicate of " + result.messageId() + ", not enqueued";
        }
    }

    /**
     * A receive and what it handed out. Which messages it moved to the dead-letter queue on the way is not
     * part of its answer (SQS does not say either): the model learns it from the next observation.
     */
    record Received(int step, Instant at, String consumer, int max, Duration visibility, List<Delivery> deliveries)
            implements WorkQueueEvent, Event.ByConsumer {
        @Override
        public String action() {
            return consumer + " receives up to " + max + " (visibility " + Durations.brief(visibility) + ")";
        }

        @Override
        public String answer() {
            return deliveries.isEmpty()
                    ? "nothing"
                    : deliveries.stream()
                            .map(d -> d.messageId() + " (receive #" + d.receiveCount() + ")")
                            .collect(Collectors.joining(", "));
        }
    }

    /** One ack; an ackBatch of n receipts is recorded as n of these at one step, each with its own outcome. */
    record Acked(int step, Instant at, String consumer, Delivery of, ReceiptOutcome result, boolean inBatch)
            implements WorkQueueEvent, Event.ByConsumer {
        @Override
        public Op.Outcome outcome() {
            return result == ReceiptOutcome.ACCEPTED ? Op.Outcome.OK : Op.Outcome.FAIL;
        }

        public Acked(int step, Instant at, String consumer, Delivery of, ReceiptOutcome result) {
            this(step, at, consumer, of, result, false);
        }

        @Override
        public String action() {
            return consumer
                    + (inBatch
                            ? " acks " + of.messageId() + " in a batch (ackBatch)"
                            : " processes " + of.messageId() + " and acks it")
                    + " with the receipt of receive #" + of.receiveCount();
        }

        @Override
        public String answer() {
            return result == ReceiptOutcome.ACCEPTED
                    ? "ack accepted: " + of.messageId() + " deleted"
                    : "ack refused: stale receipt";
        }
    }

    record Changed(int step, Instant at, String consumer, Delivery of, Duration visibility, ReceiptOutcome result)
            implements WorkQueueEvent, Event.ByConsumer {
        @Override
        public Op.Outcome outcome() {
            return result == ReceiptOutcome.ACCEPTED ? Op.Outcome.OK : Op.Outcome.FAIL;
        }

        @Override
        public String action() {
            return consumer
                    + (visibility.isZero()
                            ? " gives back " + of.messageId() + " (visibility 0)"
                            : " sets " + of.messageId() + "'s visibility to " + Durations.brief(visibility)
                                    + " from now")
                    + " with the receipt of receive #" + of.receiveCount();
        }

        @Override
        public String answer() {
            return result == ReceiptOutcome.ACCEPTED ? "accepted" : "refused: stale receipt";
        }
    }

    record Crashed(int step, Instant at, String consumer, boolean processed, List<Delivery> dropped)
            implements WorkQueueEvent, Event.ByConsumer {
        @Override
        public String action() {
            return consumer
                    + (processed ? " processes what it holds and crashes before acking" : " crashes before processing");
        }

        @Override
        public String answer() {
            return dropped.isEmpty()
                    ? "it held nothing"
                    : "never acked: "
                            + dropped.stream().map(Delivery::messageId).collect(Collectors.joining(", "));
        }
    }

    record Ticked(int step, Instant at, Duration by) implements WorkQueueEvent, Event.ByChecker {
        @Override
        public String action() {
            return "clock advances " + Durations.brief(by);
        }

        @Override
        public String answer() {
            return "";
        }
    }

    /** An operator looks at the dead-letter queue, as a console shows it, and redrives what it holds. */
    record Redriven(int step, Instant at, List<String> seen, int moved) implements WorkQueueEvent, Event.ByChecker {
        @Override
        public String action() {
            return "operator sees "
                    + (seen.isEmpty()
                            ? "an empty dead-letter queue"
                            : String.join(", ", seen) + " in the dead-letter queue")
                    + " and redrives it";
        }

        @Override
        public String answer() {
            return moved + " moved back";
        }
    }

    /**
     * A send the queue refused by throwing what the contract names for it: a FIFO message without a group, or
     * an id still in use.
     */
    record Refused(int step, Instant at, Message message, String error) implements WorkQueueEvent {
        @Override
        public String process() {
            return "producer";
        }

        @Override
        public Op.Outcome outcome() {
            return Op.Outcome.FAIL;
        }

        @Override
        public String action() {
            return "producer sends " + message.id()
                    + (message.groupId() != null
                            ? " in group " + message.groupId()
                            : error.startsWith("MissingGroupId") ? " without a group" : "")
                    + (message.dedupId() == null ? "" : ", with dedup id " + message.dedupId());
        }

        @Override
        public String answer() {
            return "refused: " + error;
        }
    }

    /** A step whose symbolic target did not exist (the consumer held nothing). */
    record Skipped(int step, Instant at, String action, String why) implements WorkQueueEvent, Event.NotTaken {}

    /** The implementation threw where the contract says it must answer. */
    record Threw(int step, Instant at, String action, String error) implements WorkQueueEvent, Event.Thrown {}

    /** The implementation answered something the contract does not allow (null, a null element). */
    record Invalid(int step, Instant at, String action, String given) implements WorkQueueEvent, Event.ByChecker {
        @Override
        public String answer() {
            return "answered " + given;
        }
    }

    /** The checker reads the queue's dead letters and statistics: an Observe step, or the end of the drain. */
    record Observed(int step, Instant at, List<String> deadLetters, QueueStats stats)
            implements WorkQueueEvent, Event.ByChecker {
        @Override
        public String action() {
            return "checker reads the statistics and the dead-letter queue";
        }

        @Override
        public String answer() {
            return stats.visible() + " visible, " + stats.inFlight() + " in flight, " + stats.deadLettered()
                    + " dead-lettered, oldest " + Durations.brief(stats.oldestAge())
                    + "; dead letters: " + (deadLetters.isEmpty() ? "none" : String.join(", ", deadLetters));
        }
    }
}
