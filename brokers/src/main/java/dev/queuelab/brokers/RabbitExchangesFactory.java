package dev.queuelab.brokers;

import dev.queuelab.api.pubsub.exchange.Broker;
import dev.queuelab.check.pubsub.exchange.BrokerFactory;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Makes a fresh set of exchanges and queues on a RabbitMQ broker for every run, each name prefixed
 * {@code queuelab-<run>-<n>.} so runs never share one, over a connection of its own; when closed it deletes
 * every exchange and queue it made and closes the connections. The clock is not the broker's: RabbitMQ keeps
 * its own time (TTLs, x-expires), and the runner's clock only waits for it.
 */
public final class RabbitExchangesFactory implements BrokerFactory, AutoCloseable {

    private static final AtomicLong RUNS = new AtomicLong(System.nanoTime() % 1_000_000);

    private final RabbitBroker broker;
    private final long run = RUNS.incrementAndGet();
    private final List<RabbitExchanges> made = new ArrayList<>();
    private int runs;

    public RabbitExchangesFactory(RabbitBroker broker) {
        this.broker = broker;
    }

    @Override
    public synchronized Broker create(InstantSource clock) {
        RabbitExchanges b = new RabbitExchanges(broker.connect(), "queuelab-" + run + "-" + ++runs + ".");
        made.add(b);
        return b;
    }

    /** Deletes what every run declared (on a user's broker too: a check leaves nothing behind). */
    @Override
    public synchronized void close() {
        made.forEach(RabbitExchanges::close);
        made.clear();
    }
}
