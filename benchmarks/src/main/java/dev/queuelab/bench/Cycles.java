package dev.queuelab.bench;

import dev.queuelab.api.workqueue.Delivery;
import dev.queuelab.api.workqueue.Message;
import dev.queuelab.api.workqueue.ReceiptOutcome;
import dev.queuelab.api.workqueue.WorkQueue;
import java.time.Duration;
import java.util.List;

/** One send, one receive, one ack, with what went wrong counted rather than hidden. */
final class Cycles {

    static final Duration VISIBILITY = Duration.ofSeconds(30);
    /** A redrive policy, as production queues have one: a wrong lease would show as dead letters. */
    static final int MAX_RECEIVES = 10;

    private Cycles() {}

    static int cycle(WorkQueue queue, Message message, WorkQueueCounters counters) {
        if (!queue.send(message).accepted()) {
            counters.duplicates++;
        }
        List<Delivery> got = queue.receive("consumer", 1, VISIBILITY);
        if (got.isEmpty()) {
            counters.empty++;
            if (!queue.deadLetters().isEmpty()) {
                counters.deadLettered++;
            }
            return 0;
        }
        Delivery d = got.get(0);
        if (d.receiveCount() > 1) {
            counters.redelivered++;
        }
        if (queue.ack(d.receipt()) != ReceiptOutcome.ACCEPTED) {
            counters.refused++;
        }
        return d.receiveCount();
    }
}
