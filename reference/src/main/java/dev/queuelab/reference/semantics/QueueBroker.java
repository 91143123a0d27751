package dev.queuelab.reference.semantics;

import dev.queuelab.api.workqueue.Delivery;
import dev.queuelab.api.workqueue.Message;
import dev.queuelab.api.workqueue.ReceiptOutcome;
import dev.queuelab.api.workqueue.SendOutcome;
import dev.queuelab.api.workqueue.WorkQueue;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A pipeline's broker on the work-queue contract: a publish is a send, a receive leases one message for the
 * queue's visibility timeout, an ack deletes it.
 *
 * Teaches: the work queue redelivers what was not acked once its lease runs out: a crash between the effect
 * and the ack is a duplicate effect, by design (at-least-once).
 * Invariants (numbered as in {@link Pipeline}): DL4 the idempotency key travels in a header, unchanged by
 * retries; the queue names each stored copy itself.
 * Thread-safety: as the queue under it.
 * Real world: an SQS client: SendMessage, ReceiveMessage with MaxNumberOfMessages 1, DeleteMessage.
 */
public final class QueueBroker implements Broker {

    /** The header that carries the idempotency key. */
    public static final String KEY_HEADER = "idempotency-key";

    private final WorkQueue queue;
    private long sent;

    public QueueBroker(WorkQueue queue) {
        this.queue = queue;
    }

    @Override
    public Answer publish(Request request) {
        String id = "m" + (++sent); // as SQS names what it stores
        SendOutcome outcome = queue.send(new Message(id, null, null, "work", Map.of(KEY_HEADER, request.key())));
        return new Answer(true, outcome.accepted() ? "stored as " + id : "duplicate of " + outcome.messageId());
    }

    @Override
    public Optional<Received> receive(String consumer) {
        List<Delivery> got = queue.receive(consumer, 1);
        if (got.isEmpty()) {
            return Optional.empty();
        }
        Delivery d = got.get(0);
        String key = d.message().headers().getOrDefault(KEY_HEADER, d.messageId());
        return Optional.of(new Received(key, d.messageId() + " (receive #" + d.receiveCount() + ")", d.receipt()));
    }

    @Override
    public boolean ack(String consumer, Received received) {
        return queue.ack((dev.queuelab.api.workqueue.Receipt) received.handle()) == ReceiptOutcome.ACCEPTED;
    }

    @Override
    public void crashed(String consumer) {
        // the lease runs out on its own: the queue redelivers at the visibility deadline
    }

    public WorkQueue queue() {
        return queue;
    }
}
