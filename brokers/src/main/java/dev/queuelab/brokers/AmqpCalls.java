package dev.queuelab.brokers;

import dev.queuelab.api.pubsub.exchange.QueueSpec;
import java.io.IOException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import java.util.function.UnaryOperator;

/** The AMQP side's small pieces for {@link RabbitExchanges}: a queue's optional arguments, and a call. */
final class AmqpCalls {

    private AmqpCalls() {}

    /** queue.declare's arguments for a spec: RabbitMQ's own names, exchanges by their names on the broker. */
    static Map<String, Object> queueArguments(QueueSpec q, UnaryOperator<String> real) {
        Map<String, Object> args = new HashMap<>();
        q.messageTtl().ifPresent(t -> args.put("x-message-ttl", t.toMillis()));
        q.expires().ifPresent(t -> args.put("x-expires", t.toMillis()));
        q.maxLength().ifPresent(n -> args.put("x-max-length", n));
        q.maxLengthBytes().ifPresent(n -> args.put("x-max-length-bytes", n));
        if (q.maxLength().isPresent() || q.maxLengthBytes().isPresent()) {
            args.put("x-overflow", q.overflow().name().toLowerCase(Locale.ROOT).replace('_', '-'));
        }
        q.deadLetterExchange().ifPresent(x -> args.put("x-dead-letter-exchange", real.apply(x)));
        q.deadLetterRoutingKey().ifPresent(k -> args.put("x-dead-letter-routing-key", k));
        if (q.quorum()) {
            // RabbitMQ 3.10 has no default delivery limit (4.0 has 20): the spec's is always given
            args.put("x-queue-type", "quorum");
            args.put("x-delivery-limit", q.deliveryLimit());
        }
        if (q.singleActiveConsumer()) {
            args.put("x-single-active-consumer", true);
        }
        return args;
    }

    interface Call {
        void run() throws IOException, TimeoutException;
    }

    /** Runs a client call; what RabbitMQ refused becomes one line (a closed channel says why). */
    static void call(Call c) {
        try {
            c.run();
        } catch (IOException e) {
            throw new IllegalStateException(SqsBroker.brief(e), e);
        } catch (TimeoutException e) {
            throw new IllegalStateException("RabbitMQ did not answer in time", e);
        }
    }
}
