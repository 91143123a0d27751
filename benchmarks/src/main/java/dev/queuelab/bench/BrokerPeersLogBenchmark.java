package dev.queuelab.bench;

import dev.queuelab.api.log.AppendOutcome;
import dev.queuelab.api.log.ConsumerRecord;
import dev.queuelab.api.log.FetchResult;
import dev.queuelab.api.log.FlushPolicy;
import dev.queuelab.api.log.LogConfig;
import dev.queuelab.api.log.PartitionedLog;
import dev.queuelab.api.log.ProducerIdAndEpoch;
import dev.queuelab.api.log.ProducerRecord;
import dev.queuelab.reference.log.DurableKafkaLog;
import dev.queuelab.reference.log.FlushScheduler;
import dev.queuelab.reference.log.KafkaLog;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The partitioned log beside Apache Kafka 4.4 in the same run, 100-byte records on one partition: what the
 * network hop, Kafka's protocol and each durability setting cost. Context, not a goal.
 *
 * <pre>
 *   append: record ──► [reference: a method call | Kafka: producer ──TCP 127.0.0.1──► broker] ──► ack
 *           up to 10,000 sends in flight, as a producer pipelines; each send's ack is awaited in turn
 *   tail:   read 500 from where the last read ended, over 100,000 records written before the trial,
 *           back to offset 0 at the end          (reference: read(); Kafka: consumer.assign + poll)
 * </pre>
 *
 * Peers for {@code append}: {@code reference} (in memory, plain appends), {@code reference-idempotent} (the
 * idempotent producer's append with a sequence), {@code reference-disk} (segments on disk, acked from the page
 * cache), {@code reference-disk-groupCommit} (one fsync per MiB or 5 ms), {@code reference-disk-force} (an
 * fsync per append); {@code Kafka-acks1} (the leader's ack, idempotence off), {@code Kafka-acksAll} (acks=all,
 * the idempotent producer: Kafka 4's default), {@code Kafka-acksAll-flush1} (the same, on a topic with
 * {@code flush.messages=1}: the broker fsyncs after every produce batch it appends). The producer keeps
 * Kafka's other defaults (linger.ms 5, batch.size 16 KiB). Kafka is one broker started in the fork's JVM
 * (KRaft), so acks=all waits for no follower, its threads share the cores with the client, and {@code -prof gc}
 * counts the client's and the broker's allocation together. Measures records per second, one thread.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xms2g", "-Xmx2g", "-XX:+AlwaysPreTouch"})
public class BrokerPeersLogBenchmark {

    static final int RECORD = 100;
    static final int IN_FLIGHT = 10_000;
    static final int READ = 500;
    static final int PREFILLED = 100_000;
    static final String TOPIC = "peers";
    static final String VALUE = "v".repeat(RECORD);

    /** Every send's acknowledgement is counted; {@code refused} must stay 0. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.EVENTS)
    public static class Counters {
        public long acked;
        public long refused;
    }

    /** The log appended to: the reference (in memory or on disk) or a Kafka topic, for the whole fork. */
    @State(Scope.Thread)
    public static class Appends {
        @Param({
            "reference",
            "reference-idempotent",
            "reference-disk",
            "reference-disk-groupCommit",
            "reference-disk-force",
            "Kafka-acks1",
            "Kafka-acksAll",
            "Kafka-acksAll-flush1"
        })
        public String peer;

        final PeerServers servers = new PeerServers();
        PartitionedLog log;
        ProducerIdAndEpoch producerId;
        int sequence;
        KafkaProducer<String, String> producer;
        final ArrayDeque<Future<?>> inFlight = new ArrayDeque<>();
        final ProducerRecord record = ProducerRecord.of(null, VALUE);

        @Setup(Level.Trial)
        public void start() throws Exception {
            LogConfig config = LogConfig.of(1).withSegmentBytes(32L << 20).withRetentionBytes(96L << 20);
            if (peer.startsWith("Kafka-")) {
                servers.kafka(peer.endsWith("flush1") ? Map.of("flush.messages", "1") : Map.of());
                producer = servers.producer(peer.equals("Kafka-acks1") ? "1" : "all");
            } else if (peer.startsWith("reference-disk")) {
                FlushPolicy policy = switch (peer) {
                    case "reference-disk" -> FlushPolicy.pageCache();
                    case "reference-disk-groupCommit" -> FlushPolicy.groupCommit(1 << 20, Duration.ofMillis(5));
                    case "reference-disk-force" -> FlushPolicy.forceEachAppend();
                    default -> throw new IllegalArgumentException("peer " + peer);
                };
                log = DurableKafkaLog.open(
                        servers.folder(), "peers", config, policy, TickingClock.shared(), FlushScheduler.CALLER);
            } else if (peer.equals("reference") || peer.equals("reference-idempotent")) {
                log = new KafkaLog(config, TickingClock.shared());
                producerId = peer.endsWith("idempotent") ? log.initProducerId() : null;
            } else {
                throw new IllegalArgumentException("peer " + peer + ": see the @Param list");
            }
        }

        /**
         * The window stays full from one iteration to the next (only the trial's end drains it), so from the
         * first measured iteration a send waits for the oldest ack: sends per second are acks per second.
         */
        @TearDown(Level.Trial)
        public void stop() throws Exception {
            while (!inFlight.isEmpty()) {
                inFlight.poll().get(60, TimeUnit.SECONDS);
            }
            if (producer != null) {
                producer.close(Duration.ofSeconds(10));
                producer = null;
            }
            if (log instanceof AutoCloseable closeable) {
                closeable.close();
            }
            log = null;
            servers.close();
        }
    }

    /** A partition of {@link #PREFILLED} records, on the reference or on Kafka, read round and round. */
    @State(Scope.Thread)
    public static class Tails {
        @Param({"reference", "Kafka"})
        public String peer;

        final PeerServers servers = new PeerServers();
        PartitionedLog log;
        long position;
        KafkaConsumer<String, String> consumer;
        final TopicPartition partition = new TopicPartition(TOPIC, 0);
        Iterator<ConsumerRecord> referenceRecords = Collections.emptyIterator();
        Iterator<org.apache.kafka.clients.consumer.ConsumerRecord<String, String>> kafkaRecords =
                Collections.emptyIterator();
        long lastOffset = -1;

        @Setup(Level.Trial)
        public void start() throws Exception {
            if (peer.equals("reference")) {
                log = new KafkaLog(
                        LogConfig.of(1).withSegmentBytes(1 << 20).withRetentionBytes(64L << 20), TickingClock.shared());
                ProducerRecord r = ProducerRecord.of(null, VALUE);
                for (int i = 0; i < PREFILLED; i++) {
                    log.append(0, r);
                }
            } else if (peer.equals("Kafka")) {
                servers.kafka(Map.of());
                try (KafkaProducer<String, String> p = servers.producer("1")) {
                    for (int i = 0; i < PREFILLED; i++) {
                        p.send(new org.apache.kafka.clients.producer.ProducerRecord<>(TOPIC, 0, null, VALUE));
                    }
                    p.flush();
                }
                consumer = new KafkaConsumer<>(Map.of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, servers.kafka.bootstrapServers(),
                        ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                        ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                        ConsumerConfig.MAX_POLL_RECORDS_CONFIG, READ,
                        ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false));
                consumer.assign(List.of(partition));
                consumer.seek(partition, 0);
            } else {
                throw new IllegalArgumentException("peer " + peer + ": reference or Kafka");
            }
        }

        @TearDown(Level.Trial)
        public void stop() {
            if (consumer != null) {
                consumer.close();
                consumer = null;
            }
            servers.close();
        }

        /** The next record's value length, reading on (and round from offset 0 after the last record). */
        int next() {
            if (log != null) {
                if (!referenceRecords.hasNext()) {
                    FetchResult r = log.read(0, position == PREFILLED ? 0 : position, READ);
                    position = r.nextOffset();
                    referenceRecords = r.records().iterator();
                }
                return referenceRecords.next().value().length();
            }
            for (int empty = 0; !kafkaRecords.hasNext(); empty++) {
                if (empty == 20) {
                    throw new IllegalStateException("Kafka returned nothing after offset " + lastOffset);
                }
                if (lastOffset == PREFILLED - 1) {
                    consumer.seek(partition, 0);
                    lastOffset = -1;
                }
                kafkaRecords = consumer.poll(Duration.ofMillis(500)).iterator();
            }
            var r = kafkaRecords.next();
            lastOffset = r.offset();
            return r.value().length();
        }
    }

    @Benchmark
    public long append(Appends a, Counters counters) throws Exception {
        if (a.producer != null) {
            a.inFlight.add(
                    a.producer.send(new org.apache.kafka.clients.producer.ProducerRecord<>(TOPIC, 0, null, VALUE)));
        } else if (a.producerId != null) {
            counted(a.log.append(a.producerId, 0, a.sequence++, a.record), counters);
            return counters.acked;
        } else if (a.log instanceof DurableKafkaLog) {
            a.inFlight.add(a.log.send(0, a.record));
        } else {
            counted(a.log.append(0, a.record), counters);
            return counters.acked;
        }
        while (a.inFlight.size() > IN_FLIGHT || a.inFlight.peek().isDone()) {
            Object outcome = a.inFlight.poll().get(60, TimeUnit.SECONDS);
            if (outcome instanceof AppendOutcome o) {
                counted(o, counters);
            } else {
                counters.acked++;
            }
            if (a.inFlight.isEmpty()) {
                break;
            }
        }
        return counters.acked;
    }

    private static void counted(AppendOutcome outcome, Counters counters) {
        if (outcome.written()) {
            counters.acked++;
        } else {
            counters.refused++;
        }
    }

    @Benchmark
    @OperationsPerInvocation(READ)
    public long tail(Tails t) {
        long bytes = 0;
        for (int i = 0; i < READ; i++) {
            bytes += t.next();
        }
        return bytes;
    }
}
