package dev.queuelab.check.gallery;

import dev.queuelab.check.workqueue.WorkQueueFactory;
import dev.queuelab.reference.workqueue.Operation;
import dev.queuelab.reference.workqueue.SqsWorkQueue;
import dev.queuelab.reference.workqueue.WorkQueueRules;
import java.util.List;

/**
 * The work queue's bug gallery: the reference with one realistic mistake each, and the anomaly the checks
 * must name for it. Most are the reference queue given rules with one decision changed ({@link #rules});
 * the rest wrap it in a layer that changes one answer ({@link ForwardingWorkQueue}). A variant the checks cannot catch is a bug in the engine, not in the variant.
 */
public final class WorkQueueGallery {

    /**
     * @param name     how {@code -Dqueuelab.impl=gallery.NAME} chooses it
     * @param expected the anomaly its shrunk story must name
     * @param factory  makes it
     */
    public record Variant(String name, String expected, WorkQueueFactory factory) {}

    public static final List<Variant> VARIANTS = List.of(
            rules("deadline-off-by-one", "missing-redelivery", new DeadlineOffByOneRules()),
            rules("visibility-in-millis", "concurrent-delivery", new VisibilityInMillisRules()),
            rules("extension-from-receive", "early-redelivery", new ExtensionFromReceiveRules()),
            rules("ack-by-message-id", "stale-ack-accepted", new AckByMessageIdRules()),
            rules("dead-letter-late", "dead-letter-late", new DeadLetterLateRules()),
            rules("dead-letter-early", "dead-letter-early", new DeadLetterEarlyRules()),
            rules("two-in-flight-per-group", "group-concurrent", new TwoInFlightPerGroupRules()),
            rules("expired-to-back-of-group", "group-reordered", new ExpiredToBackOfGroupRules()),
            rules("dedup-never-expires", "dedup-window-violated", new DedupNeverExpiresRules()),
            rules("dedup-never-applies", "dedup-window-violated", new DedupNeverAppliesRules()),
            rules("dead-letter-dropped", "lost", new DeadLetterDroppedRules()),
            rules("one-lane", "poison-blocks-queue", new OneLaneRules()),
            new Variant("headers-dropped", "message-altered", HeadersDroppedQueue::new),
            new Variant("receive-count-before-this-one", "wrong-receive-count", ReceiveCountBeforeThisOneQueue::new),
            new Variant("batch-over-max", "batch-over-max", BatchOverMaxQueue::new),
            new Variant("duplicate-names-itself", "wrong-send-outcome", DuplicateNamesItselfQueue::new),
            new Variant("stale-ack-answers-null", "invalid-answer", StaleAckAnswersNullQueue::new),
            rules("receipt-by-receive-count", "receipt-reused", new ReceiptByReceiveCountRules()),
            rules("change-visibility-skips-expiry", "stale-ack-accepted", new ChangeVisibilitySkipsExpiryRules()),
            rules("dedup-window-restarts", "dedup-window-violated", new DedupWindowRestartsRules()),
            rules("stats-skips-expiry", "wrong-stats", new StatsSkipsExpiryRules()),
            rules("visibility-whole-seconds", "concurrent-delivery", new VisibilityWholeSecondsRules()),
            rules("dedup-window-whole-seconds", "dedup-window-violated", new DedupWindowWholeSecondsRules()),
            new Variant("ack-batch-stops-at-stale", "ack-refused", AckBatchStopsAtStaleQueue::new),
            new Variant("dedup-before-group-check", "dedup-window-violated", DedupBeforeGroupCheckQueue::new),
            rules("retry-refused-while-stored", "dedup-window-violated", new RetryRefusedWhileStoredRules()),
            new Variant("ack-batch-in-chunks", "invalid-answer", AckBatchInChunksQueue::new),
            new Variant("id-refusal-swallowed", "id-in-use", IdRefusalSwallowedQueue::new),
            new Variant("dedup-on-standard", "dedup-window-violated", DedupOnStandardQueue::new),
            new Variant("batch-reversed", "group-reordered", BatchReversedQueue::new));

    /**
     * Mistakes that only threads show: the simulations pass them, the stress run on real threads must not.
     * Each leaves the lock out of one operation (no-lock: of all); the anomaly is whichever the race causes.
     */
    public static final List<Variant> THREAD_VARIANTS = List.of(
            unguarded("no-lock", Operation.values()),
            unguarded("send-unguarded", Operation.SEND),
            unguarded("receive-unguarded", Operation.RECEIVE),
            unguarded("ack-unguarded", Operation.ACK),
            unguarded("ack-batch-unguarded", Operation.ACK_BATCH),
            unguarded("change-visibility-unguarded", Operation.CHANGE_VISIBILITY),
            unguarded("redrive-unguarded", Operation.REDRIVE),
            unguarded("stats-unguarded", Operation.STATS));

    /** A variant that is the reference queue given rules with one decision changed. */
    static Variant rules(String name, String expected, WorkQueueRules rules) {
        return new Variant(name, expected, (config, clock) -> new SqsWorkQueue(config, clock, rules));
    }

    private static Variant unguarded(String name, Operation... operations) {
        return rules(name, "any", new UnguardedRules(List.of(operations)));
    }

    private WorkQueueGallery() {}
}
