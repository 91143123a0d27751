package dev.queuelab.bench;

import dev.queuelab.brokers.KafkaBroker;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * What a log peer's state starts for its trial, and closes with it so nothing outlives the trial: Kafka 4.4 in
 * this JVM on loopback ({@link KafkaBroker}) with the benchmark's one-partition topic, or a temporary folder for
 * the reference's log on disk. Its producers are Kafka's own client, configured as the benchmark's Javadoc says.
 *
 * <p>Thread-safety: one thread (the state's).
 */
final class PeerServers implements AutoCloseable {
    KafkaBroker kafka;
    Path folder;

    void kafka(Map<String, String> topicConfig) throws Exception {
        kafka = KafkaBroker.start();
        try (Admin admin = kafka.admin()) {
            admin.createTopics(List.of(new NewTopic(BrokerPeersLogBenchmark.TOPIC, 1, (short) 1).configs(topicConfig)))
                    .all()
                    .get(30, TimeUnit.SECONDS);
        }
    }

    KafkaProducer<String, String> producer(String acks) {
        return new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, acks,
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, acks.equals("all"),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName()));
    }

    /** Kafka's port while it runs (for the lifecycle test), else -1. */
    int port() {
        if (kafka == null) {
            return -1;
        }
        String address = kafka.bootstrapServers();
        return Integer.parseInt(address.substring(address.lastIndexOf(':') + 1));
    }

    Path folder() throws IOException {
        folder = Files.createTempDirectory("queuelab-peers-log-");
        return folder;
    }

    @Override
    public void close() {
        if (kafka != null) {
            kafka.close();
            kafka = null;
        }
        if (folder != null) {
            DurableLogBenchmark.delete(folder);
            folder = null;
        }
    }
}
