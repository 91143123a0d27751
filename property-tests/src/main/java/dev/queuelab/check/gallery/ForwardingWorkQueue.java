package dev.queuelab.check.gallery;

import dev.queuelab.api.workqueue.Delivery;
import dev.queuelab.api.workqueue.Message;
import dev.queuelab.api.workqueue.QueueStats;
import dev.queuelab.api.workqueue.Receipt;
import dev.queuelab.api.workqueue.ReceiptOutcome;
import dev.queuelab.api.workqueue.SendOutcome;
import dev.queuelab.api.workqueue.WorkQueue;
import dev.queuelab.api.workqueue.WorkQueueConfig;
import dev.queuelab.reference.workqueue.SqsWorkQueue;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;

/**
 * The reference behind a layer that passes every call through: the gallery's mistakes in what a queue
 * answers (a mapping layer, a client library, an adapter) override one method of it.
 */
abstract class ForwardingWorkQueue implements WorkQueue {

    protected final WorkQueue queue;

    ForwardingWorkQueue(WorkQueueConfig config, InstantSource clock) {
        this.queue = new SqsWorkQueue(config, clock);
    }

    @Override
    public SendOutcome send(Message message) {
        return queue.send(message);
    }

    @Override
    public List<Delivery> receive(String consumer, int max, Duration visibility) {
        return queue.receive(consumer, max, visibility);
    }

    @Override
    public ReceiptOutcome ack(Receipt receipt) {
        return queue.ack(receipt);
    }

    @Override
    public ReceiptOutcome changeVisibility(Receipt receipt, Duration visibility) {
        return queue.changeVisibility(receipt, visibility);
    }

    @Override
    public List<Message> deadLetters() {
        return queue.deadLetters();
    }

    @Override
    public int redrive() {
        return queue.redrive();
    }

    @Override
    public QueueStats stats() {
        return queue.stats();
    }

    @Override
    public WorkQueueConfig config() {
        return queue.config();
    }
}
