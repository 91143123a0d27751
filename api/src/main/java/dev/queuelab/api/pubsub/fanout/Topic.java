package dev.queuelab.api.pubsub.fanout;

import dev.queuelab.api.workqueue.Message;
import dev.queuelab.api.workqueue.WorkQueue;
import java.util.List;

/**
 * Durable fanout as SNS with SQS has it: a topic whose every subscription is a work queue. A publication goes
 * to every subscription whose filter policy matches it, into that subscription's queue, whether or not anyone
 * is consuming; a queue that refuses the delivery sends it to the subscription's dead-letter queue.
 */
public interface Topic {

    /** Adds a subscription with a fresh queue; a name already used is refused. */
    void subscribe(String subscription, SubscriptionConfig config);

    /**
     * Publishes to every matching subscription. A FIFO topic needs a group id, and a dedup id unless it dedups
     * by content; a publication whose dedup id was accepted within the window is answered DUPLICATE and goes
     * nowhere.
     */
    PublishOutcome publish(Publication publication);

    /** The subscription's queue, as its consumers receive and ack from it. */
    WorkQueue queue(String subscription);

    /**
     * The endpoint fault: while refusing, the subscription's queue refuses what SNS delivers (say, its access
     * policy no longer lets the topic send), so each matching publication goes to its dead-letter queue.
     */
    void refuse(String subscription, boolean refusing);

    /** The subscription's dead-letter queue: what its queue refused, oldest first (as SNS would have sent it). */
    List<Message> deadLetters(String subscription);

    TopicConfig config();
}
