package dev.queuelab.check.gallery;

import dev.queuelab.check.workqueue.WorkQueueFactory;
import java.util.List;

/**
 * The work queue's bug gallery: the reference with one realistic mistake each, and the anomaly the checks
 * must name for it. A variant the checks cannot catch is a bug in the engine, not in the variant.
 */
public final class WorkQueueGallery {

    /**
     * @param name     how {@code -Dqueuelab.impl=gallery.NAME} chooses it
     * @param expected the anomaly its shrunk story must name
     * @param factory  makes it
     */
    public record Variant(String name, String expected, WorkQueueFactory factory) {}

    public static final List<Variant> VARIANTS = List.of(
            new Variant("deadline-off-by-one", "missing-redelivery", DeadlineOffByOneQueue::new),
            new Variant("visibility-in-millis", "concurrent-delivery", VisibilityInMillisQueue::new),
            new Variant("extension-from-receive", "early-redelivery", ExtensionFromReceiveQueue::new),
            new Variant("ack-by-message-id", "stale-ack-accepted", AckByMessageIdQueue::new),
            new Variant("dead-letter-late", "dead-letter-late", DeadLetterLateQueue::new),
            new Variant("dead-letter-early", "dead-letter-early", DeadLetterEarlyQueue::new),
            new Variant("two-in-flight-per-group", "group-concurrent", TwoInFlightPerGroupQueue::new),
            new Variant("expired-to-back-of-group", "group-reordered", ExpiredToBackOfGroupQueue::new),
            new Variant("dedup-never-expires", "dedup-window-violated", DedupNeverExpiresQueue::new),
            new Variant("dedup-never-applies", "dedup-window-violated", DedupNeverAppliesQueue::new),
            new Variant("dead-letter-dropped", "lost", DeadLetterDroppedQueue::new),
            new Variant("one-lane", "poison-blocks-queue", OneLaneQueue::new),
            new Variant("headers-dropped", "message-altered", HeadersDroppedQueue::new),
            new Variant("receive-count-before-this-one", "wrong-receive-count", ReceiveCountBeforeThisOneQueue::new),
            new Variant("batch-over-max", "batch-over-max", BatchOverMaxQueue::new),
            new Variant("duplicate-names-itself", "wrong-send-outcome", DuplicateNamesItselfQueue::new),
            new Variant("stale-ack-answers-null", "invalid-answer", StaleAckAnswersNullQueue::new),
            new Variant("receipt-by-receive-count", "receipt-reused", ReceiptByReceiveCountQueue::new),
            new Variant("change-visibility-skips-expiry", "stale-ack-accepted", ChangeVisibilitySkipsExpiryQueue::new),
            new Variant("dedup-window-restarts", "dedup-window-violated", DedupWindowRestartsQueue::new),
            new Variant("stats-skips-expiry", "wrong-stats", StatsSkipsExpiryQueue::new),
            new Variant("visibility-whole-seconds", "concurrent-delivery", VisibilityWholeSecondsQueue::new),
            new Variant("dedup-window-whole-seconds", "dedup-window-violated", DedupWindowWholeSecondsQueue::new),
            new Variant("ack-batch-stops-at-stale", "ack-refused", AckBatchStopsAtStaleQueue::new),
            new Variant("dedup-before-group-check", "dedup-window-violated", DedupBeforeGroupCheckQueue::new));

    /** Mistakes that only threads show: the simulations pass them, the stress run on real threads must not. */
    public static final List<Variant> THREAD_VARIANTS = List.of(new Variant("no-lock", "any", NoLockQueue::new));

    private WorkQueueGallery() {}
}
