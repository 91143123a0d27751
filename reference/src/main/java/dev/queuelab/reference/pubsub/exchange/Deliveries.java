package dev.queuelab.reference.pubsub.exchange;

import dev.queuelab.api.pubsub.exchange.Delivery;
import dev.queuelab.api.pubsub.exchange.Message;
import java.util.AbstractList;
import java.util.RandomAccess;

/**
 * A run of deliveries to one consumer, tagged {@code firstTag}, {@code firstTag + 1}...: what a receive that
 * moved a run at once answers. It keeps the run's stored messages (immutable, in an array of its own, so an
 * ack or a requeue after the receive changes nothing here) and makes each {@link Delivery} when it is read. A
 * consumer that reads a delivery's fields and lets it go costs no object once the JIT inlines the read; one
 * that keeps it pays for it then. Equal, element by element, to the list of deliveries it stands for.
 *
 * <p>Thread-safety: immutable. Real world: a channel's run of basic.deliver frames, each made as it is sent.
 */
final class Deliveries extends AbstractList<Delivery> implements RandomAccess {

    private final String consumerTag;
    private final String queue;
    private final long firstTag;
    private final Stored[] run;

    Deliveries(String consumerTag, String queue, long firstTag, Stored[] run) {
        this.consumerTag = consumerTag;
        this.queue = queue;
        this.firstTag = firstTag;
        this.run = run;
    }

    /** What consumer {@code consumerTag} of {@code queue} is handed for {@code m}, tagged {@code tag}. */
    static Delivery one(String consumerTag, String queue, long tag, Stored m) {
        Message msg = m.message();
        return new Delivery(
                consumerTag,
                tag,
                queue,
                m.exchange(),
                msg.routingKey(),
                msg.headers(),
                msg.body(),
                m.redelivered(),
                m.deliveryCount(),
                m.deaths());
    }

    @Override
    public Delivery get(int i) {
        return one(consumerTag, queue, firstTag + i, run[i]);
    }

    @Override
    public int size() {
        return run.length;
    }
}
