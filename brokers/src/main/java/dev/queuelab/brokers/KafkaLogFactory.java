package dev.queuelab.brokers;

import dev.queuelab.api.log.LogCapabilities;
import dev.queuelab.api.log.LogConfig;
import dev.queuelab.api.log.PartitionedLog;
import dev.queuelab.check.log.LogFactory;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Makes a fresh topic (and fresh clients) on a Kafka cluster for every run, named {@code queuelab-<run>-<n>}, and
 * deletes every topic it made when closed. The capabilities are the harness's, handed to each log so the runner
 * reads them back; the clock stamps the records the log sends over the wire, as Kafka's producer stamps them
 * with its own clock (for a real run, the wall clock the broker keeps too).
 */
public final class KafkaLogFactory implements LogFactory, AutoCloseable {

    private static final AtomicLong RUNS = new AtomicLong(System.nanoTime() % 1_000_000);

    /** How long the broker holds a consumer's fetch that found nothing new (Kafka's default: 500 ms). */
    static final int FETCH_MAX_WAIT_MS = 10;

    private final KafkaBroker broker;
    private final LogCapabilities capabilities;
    private final Admin admin;
    private final long run = RUNS.incrementAndGet();
    private final List<String> topics = new ArrayList<>();
    private final List<KafkaLog> logs = new ArrayList<>();
    private int made;

    public KafkaLogFactory(KafkaBroker broker, LogCapabilities capabilities) {
        this.broker = broker;
        this.capabilities = capabilities;
        this.admin = broker.admin();
    }

    @Override
    public synchronized PartitionedLog create(LogConfig config, InstantSource clock) {
        String topic = "queuelab-" + run + "-" + (++made);
        try {
            admin.createTopics(List.of(new NewTopic(topic, Optional.of(config.partitions()), Optional.empty())))
                    .all()
                    .get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating " + topic, e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Kafka did not create " + topic + ": " + e.getCause(), e.getCause());
        }
        topics.add(topic);
        KafkaLog log = new KafkaLog(
                config,
                capabilities,
                topic,
                new KafkaProducer<>(producerConfig(), new StringSerializer(), new StringSerializer()),
                consumer("read_uncommitted"),
                consumer("read_committed"),
                new KafkaNodes(broker.bootstrapServers(), admin, topic),
                clock);
        logs.add(log);
        return log;
    }

    private Map<String, Object> producerConfig() {
        Map<String, Object> c = new HashMap<>();
        c.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        c.put(ProducerConfig.ACKS_CONFIG, "all");
        c.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        c.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 30_000);
        c.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
        return c;
    }

    private KafkaConsumer<String, String> consumer(String isolation) {
        Map<String, Object> c = new HashMap<>();
        c.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        c.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, isolation.toLowerCase(Locale.ROOT));
        c.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "none");
        c.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        // a read seeks, and its poll waits for the fetch still parked at the old position: 500 ms by default, time a
        // scenario's steps between ticks cannot spend without moving a transaction's deadline across a tick
        c.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, FETCH_MAX_WAIT_MS);
        return new KafkaConsumer<>(c, new StringDeserializer(), new StringDeserializer());
    }

    /** Closes every client and deletes every topic this factory made. */
    @Override
    public synchronized void close() {
        logs.forEach(KafkaLog::close);
        logs.clear();
        try {
            admin.deleteTopics(topics).all().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            // a topic already gone, or the cluster stopped: nothing is left to clean
        }
        topics.clear();
        admin.close();
    }
}
