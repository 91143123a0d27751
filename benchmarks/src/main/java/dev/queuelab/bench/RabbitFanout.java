package dev.queuelab.bench;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.DefaultConsumer;
import com.rabbitmq.client.Envelope;
import dev.queuelab.brokers.RabbitBroker;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The fanout workload's RabbitMQ side: a node of the Debian package started for the trial (as
 * {@code queuelab brokers check rabbitmq} starts it: its own folder, loopback ports), a fanout exchange, one
 * exclusive queue per subscriber bound to it, and a consumer per queue on a connection of its own that takes
 * pushed messages with automatic acks (what an ephemeral subscriber does), handing them to the benchmark's thread
 * through a queue. The publisher's channel is in confirm mode and waits once per batch: a publish has reached
 * every bound queue when it is confirmed, as a Redis PUBLISH has reached every subscriber's buffer when it
 * answers. A subscriber that waits 10 s for a pushed message fails the run instead of hanging it.
 *
 * <p>Thread-safety: the benchmark's thread publishes and reads; the client's threads only hand messages over.
 */
final class RabbitFanout implements AutoCloseable {

    static final String EXCHANGE = "signups";

    private final RabbitBroker node;
    private final Connection publishing;
    private final Channel publisher;
    private final List<Connection> subscribing = new ArrayList<>();
    private final List<BlockingQueue<String>> inboxes = new ArrayList<>();

    private RabbitFanout(RabbitBroker node) throws IOException {
        this.node = node;
        this.publishing = node.connect();
        this.publisher = publishing.createChannel();
        publisher.exchangeDeclare(EXCHANGE, "fanout", false, true, null);
        publisher.confirmSelect();
    }

    /** Starts a node and binds {@code subscribers} queues to the exchange, each with its consumer. */
    static RabbitFanout start(int subscribers) throws IOException {
        RabbitBroker node = RabbitBroker.start();
        RabbitFanout f;
        try {
            f = new RabbitFanout(node);
        } catch (IOException | RuntimeException e) {
            node.close();
            throw e;
        }
        try {
            for (int i = 0; i < subscribers; i++) {
                f.subscribe();
            }
        } catch (IOException | RuntimeException e) {
            f.close();
            throw e;
        }
        return f;
    }

    private void subscribe() throws IOException {
        Connection c = node.connect();
        subscribing.add(c);
        Channel ch = c.createChannel();
        String queue = ch.queueDeclare().getQueue(); // server-named, exclusive, auto-delete
        ch.queueBind(queue, EXCHANGE, "");
        BlockingQueue<String> inbox = new ArrayBlockingQueue<>(1 << 16);
        inboxes.add(inbox);
        ch.basicConsume(queue, true, new DefaultConsumer(ch) {
            @Override
            public void handleDelivery(String tag, Envelope e, AMQP.BasicProperties p, byte[] body) {
                inbox.add(new String(body, StandardCharsets.UTF_8));
            }
        });
    }

    /** Publishes {@code batch} messages, waits for their confirms, then takes them from every subscriber. */
    long publishThenEveryoneReads(int batch, String payload) throws IOException {
        byte[] body = payload.getBytes(StandardCharsets.UTF_8);
        AMQP.BasicProperties transientMessage =
                new AMQP.BasicProperties.Builder().deliveryMode(1).build();
        for (int i = 0; i < batch; i++) {
            publisher.basicPublish(EXCHANGE, "", transientMessage, body);
        }
        try {
            publisher.waitForConfirmsOrDie(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted waiting for confirms", e);
        } catch (TimeoutException e) {
            throw new IllegalStateException("no confirms within 10 s", e);
        }
        long got = 0;
        for (BlockingQueue<String> inbox : inboxes) {
            for (int i = 0; i < batch; i++) {
                String m;
                try {
                    m = inbox.poll(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted waiting for a pushed message", e);
                }
                if (!payload.equals(m)) {
                    throw new IllegalStateException("a subscriber read " + m + " instead of the payload");
                }
                got++;
            }
        }
        return got;
    }

    /** The node's AMQP port (for the lifecycle test). */
    int port() {
        return node.uri().getPort();
    }

    @Override
    public void close() {
        for (Connection c : subscribing) {
            try {
                c.close();
            } catch (IOException | RuntimeException e) {
                // the node is stopping anyway
            }
        }
        try {
            publishing.close();
        } catch (IOException | RuntimeException e) {
            // the node is stopping anyway
        }
        node.close();
    }
}
