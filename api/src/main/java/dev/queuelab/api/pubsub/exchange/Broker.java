package dev.queuelab.api.pubsub.exchange;

import java.util.List;

/**
 * A broker with exchanges, as RabbitMQ has it (see the package description). Declarations that break the
 * contract (an unknown exchange or queue, a binding of the wrong kind) throw {@link IllegalArgumentException}
 * naming the value and the fix; answers the protocol expects (a nack, a return, an unknown delivery tag)
 * come back as values.
 */
public interface Broker {

    void declareExchange(ExchangeSpec exchange);

    void declareQueue(QueueSpec queue);

    void bind(BindingSpec binding);

    /** Publishes on a confirm channel: the answer is the confirm and whether a mandatory publish came back. */
    Published publish(String exchange, Message message, boolean mandatory);

    /** basic.consume with basic.qos(prefetch, global=false); 0 is no limit. Answers the consumer tag. */
    String consume(String channel, String queue, int prefetch);

    /** What the broker pushes to this consumer now: its queue's head, up to its prefetch less what it holds. */
    List<Delivery> receive(String consumerTag);

    /** basic.ack; {@code multiple} settles every delivery of the channel up to the tag. Answers how many. */
    int ack(String channel, long deliveryTag, boolean multiple);

    /** basic.nack: requeued to the original position, or dead-lettered (reason rejected). Answers how many. */
    int nack(String channel, long deliveryTag, boolean multiple, boolean requeue);

    /** basic.reject: nack of one. */
    int reject(String channel, long deliveryTag, boolean requeue);

    /** The channel closes (its consumer failed): its consumers are cancelled and its unacked messages requeued. */
    void closeChannel(String channel);

    /** Whether a queue exists (a queue with x-expires is deleted once unused for that long). */
    boolean queueExists(String queue);
}
