package dev.queuelab.brokers;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.GetResponse;
import dev.queuelab.api.pubsub.exchange.BindingSpec;
import dev.queuelab.api.pubsub.exchange.Broker;
import dev.queuelab.api.pubsub.exchange.Delivery;
import dev.queuelab.api.pubsub.exchange.ExchangeSpec;
import dev.queuelab.api.pubsub.exchange.Message;
import dev.queuelab.api.pubsub.exchange.Published;
import dev.queuelab.api.pubsub.exchange.QueueSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeoutException;

/**
 * The exchange contract over a real RabbitMQ, through the official Java client: every declaration, publish and
 * settlement is the AMQP 0-9-1 method of the same name, on channels named as the scenario names them.
 *
 * <p>A consumer's {@link #receive} is {@code basic.get} repeated up to the consumer's free prefetch: the
 * contract's consumer pulls its queue's head when it reads, and a pushed {@code basic.consume} would hand
 * messages to whichever consumer has room at publish time, and keep a pushed message from expiring. So the
 * prefetch bound is counted here, from the deliveries this adapter handed out and saw settled; the queue, its
 * order, redelivery, TTLs, limits, dead-lettering, confirms and returns are RabbitMQ's own.
 *
 * <p>Names carry the run's prefix on the broker and are told back without it. After a nack, a reject or a
 * closed channel the adapter waits (up to 1 s) until the ready counts move: RabbitMQ requeues asynchronously.
 * Thread-safety: one scenario, one thread. Real world: any AMQP 0-9-1 client of RabbitMQ 3.10 or 4.x.
 */
final class RabbitExchanges implements Broker {

    private final Connection connection;
    private final String prefix;
    private final Map<String, Channel> channels = new HashMap<>();
    private final Map<String, QueueSpec> queues = new LinkedHashMap<>();
    private final List<String> exchanges = new ArrayList<>();
    /** consumer tag -> channel, queue, prefetch; and what each channel holds: tag -> consumer tag. */
    private final Map<String, String[]> consumers = new HashMap<>();

    private final Map<String, Map<Long, String>> held = new HashMap<>();
    private final Channel publisher;
    private volatile boolean returned;
    private int tags;

    RabbitExchanges(Connection connection, String prefix) {
        this.connection = connection;
        this.prefix = prefix;
        try {
            publisher = connection.createChannel();
            publisher.confirmSelect();
            publisher.addReturnListener(r -> returned = true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String real(String name) {
        return prefix + name;
    }

    String told(String name) {
        return name.startsWith(prefix) ? name.substring(prefix.length()) : name;
    }

    private Channel admin() {
        return channel("queuelab-admin");
    }

    private Channel channel(String name) {
        Channel c = channels.get(name);
        if (c == null || !c.isOpen()) {
            try {
                c = connection.createChannel();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            channels.put(name, c);
        }
        return c;
    }

    @Override
    public void declareExchange(ExchangeSpec exchange) {
        Map<String, Object> args = new HashMap<>();
        exchange.alternateExchange().ifPresent(a -> args.put("alternate-exchange", real(a)));
        exchanges.add(exchange.name());
        AmqpCalls.call(() -> admin().exchangeDeclare(
                        real(exchange.name()),
                        exchange.type().name().toLowerCase(Locale.ROOT),
                        false,
                        false,
                        false,
                        args));
    }

    @Override
    public void declareQueue(QueueSpec q) {
        Map<String, Object> args = AmqpCalls.queueArguments(q, this::real);
        queues.put(q.name(), q);
        // a quorum queue is durable by nature; a classic one here need not be
        AmqpCalls.call(() -> admin().queueDeclare(real(q.name()), q.quorum(), false, false, args));
    }

    @Override
    public void bind(BindingSpec b) {
        Map<String, Object> args = new HashMap<>(b.arguments());
        if (b.toExchange()) {
            AmqpCalls.call(() -> admin().exchangeBind(real(b.destination()), real(b.source()), b.routingKey(), args));
        } else {
            AmqpCalls.call(() -> admin().queueBind(real(b.destination()), real(b.source()), b.routingKey(), args));
        }
    }

    @Override
    public Published publish(String exchange, Message m, boolean mandatory) {
        AMQP.BasicProperties.Builder props = new AMQP.BasicProperties.Builder().deliveryMode(1);
        if (!m.headers().isEmpty()) {
            props.headers(new HashMap<>(m.headers()));
        }
        m.expiration().ifPresent(e -> props.expiration(Long.toString(e.toMillis())));
        returned = false;
        try {
            publisher.basicPublish(
                    real(exchange),
                    m.routingKey(),
                    mandatory,
                    props.build(),
                    m.body().getBytes(StandardCharsets.UTF_8));
            // a basic.return comes before the confirm of the same publish
            boolean acked = publisher.waitForConfirms(10_000);
            return new Published(acked, returned);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (TimeoutException e) {
            throw new IllegalStateException("no confirm within 10 s for " + m.body(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    @Override
    public String consume(String channel, String queue, int prefetch) {
        if (!queues.containsKey(queue)) {
            throw new IllegalArgumentException("queue '" + queue + "' is not declared: declare it first");
        }
        String tag = "ctag-" + ++tags;
        consumers.put(tag, new String[] {channel, queue, Integer.toString(prefetch)});
        channel(channel);
        return tag;
    }

    @Override
    public List<Delivery> receive(String consumerTag) {
        String[] c = consumers.get(consumerTag);
        if (c == null) {
            throw new IllegalArgumentException("consumer tag '" + consumerTag + "' is not consuming");
        }
        int prefetch = Integer.parseInt(c[2]);
        Map<Long, String> holds = held.computeIfAbsent(c[0], k -> new LinkedHashMap<>());
        long mine = holds.values().stream().filter(consumerTag::equals).count();
        long free = prefetch == 0 ? Long.MAX_VALUE : prefetch - mine;
        List<Delivery> out = new ArrayList<>(); // mutable: the model asks it whether it contains null
        Channel ch = channel(c[0]);
        while (free-- > 0) {
            GetResponse r;
            try {
                r = ch.basicGet(real(c[1]), false);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            if (r == null) {
                break;
            }
            holds.put(r.getEnvelope().getDeliveryTag(), consumerTag);
            out.add(AmqpDeliveries.delivery(consumerTag, c[1], r, this::told));
        }
        return out;
    }

    @Override
    public int ack(String channel, long deliveryTag, boolean multiple) {
        int n = settled(channel, deliveryTag, multiple);
        if (n > 0) {
            AmqpCalls.call(() -> channel(channel).basicAck(deliveryTag, multiple));
        }
        return n;
    }

    @Override
    public int nack(String channel, long deliveryTag, boolean multiple, boolean requeue) {
        int n = settled(channel, deliveryTag, multiple);
        if (n > 0) {
            long before = ready();
            AmqpCalls.call(() -> channel(channel).basicNack(deliveryTag, multiple, requeue));
            awaitMoved(before);
        }
        return n;
    }

    @Override
    public int reject(String channel, long deliveryTag, boolean requeue) {
        int n = settled(channel, deliveryTag, false);
        if (n > 0) {
            long before = ready();
            AmqpCalls.call(() -> channel(channel).basicReject(deliveryTag, requeue));
            awaitMoved(before);
        }
        return n;
    }

    /** Forgets what a settlement settles on a channel; answers how many (an unknown tag would close it). */
    private int settled(String channel, long tag, boolean multiple) {
        Map<Long, String> holds = held.getOrDefault(channel, Map.of());
        List<Long> gone = holds.keySet().stream()
                .filter(t -> multiple ? t <= tag : t == tag)
                .toList();
        gone.forEach(holds::remove);
        return gone.size();
    }

    @Override
    public void closeChannel(String channel) {
        Channel c = channels.remove(channel);
        Map<Long, String> holds = held.remove(channel);
        consumers.values().removeIf(x -> x[0].equals(channel));
        if (c == null || !c.isOpen()) {
            return;
        }
        long before = ready();
        AmqpCalls.call(() -> c.close());
        if (holds != null && !holds.isEmpty()) {
            awaitMoved(before);
        }
    }

    @Override
    public boolean queueExists(String queue) {
        try {
            Channel probe = connection.createChannel();
            try {
                probe.queueDeclarePassive(real(queue));
                probe.close();
                return true;
            } catch (IOException e) {
                return false; // 404 NOT_FOUND closed the probe
            }
        } catch (IOException | TimeoutException e) {
            throw new IllegalStateException("could not ask whether " + queue + " exists", e);
        }
    }

    /** Ready messages in every queue of the run that is not waiting to expire (asking would not touch it). */
    private long ready() {
        long n = 0;
        for (QueueSpec q : queues.values()) {
            if (q.expires().isEmpty()) {
                try {
                    n += admin().queueDeclarePassive(real(q.name())).getMessageCount();
                } catch (IOException e) {
                    // a queue gone counts nothing
                }
            }
        }
        return n;
    }

    /** Waits (up to a second) until a requeue or a dead-lettering shows in the ready counts. */
    private void awaitMoved(long before) {
        long until = System.nanoTime() + 1_000_000_000L;
        while (ready() == before && System.nanoTime() < until) {
            java.util.concurrent.locks.LockSupport.parkNanos(5_000_000L);
        }
    }

    /** Deletes every exchange and queue this run declared, then closes its channels and its connection. */
    void close() {
        try {
            Channel c = connection.createChannel();
            for (String q : queues.keySet()) {
                c.queueDelete(real(q));
            }
            for (String x : exchanges) {
                c.exchangeDelete(real(x));
            }
            connection.close();
        } catch (IOException | RuntimeException e) {
            // already gone, or the broker stopped: nothing is left to clean
        }
    }
}
