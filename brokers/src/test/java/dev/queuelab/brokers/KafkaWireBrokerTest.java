package dev.queuelab.brokers;

import static org.assertj.core.api.Assertions.assertThat;

import dev.queuelab.api.log.AppendOutcome;
import dev.queuelab.api.log.CommitOutcome;
import dev.queuelab.api.log.LogConfig;
import dev.queuelab.api.log.LogFacts;
import dev.queuelab.api.log.PartitionedLog;
import dev.queuelab.api.log.ProducerIdAndEpoch;
import dev.queuelab.api.log.ProducerRecord;
import dev.queuelab.api.log.TransactionOutcome;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The adapter over Kafka's wire, at the three places where the reference follows Kafka 4.x: any first sequence
 * from a producer with no state on a partition (L12), a transaction left open past its timeout aborted by the
 * coordinator and its producer fenced (L15), a commit from no member stored into an empty group and refused by
 * one with members (L9). Each outcome the adapter answers is held against what Kafka shows from outside: the
 * admin client's offsets (the end, the last stable offset, a group's committed offsets).
 */
class KafkaWireBrokerTest {

    private static KafkaBroker kafka;
    private static KafkaLogFactory factory;
    private static Admin admin;

    @BeforeAll
    static void start() {
        kafka = KafkaBroker.start();
        factory = new KafkaLogFactory(kafka, KafkaTarget.CAPABILITIES);
        admin = kafka.admin();
    }

    @AfterAll
    static void stop() {
        admin.close();
        factory.close();
        kafka.close();
    }

    private static ProducerRecord record(String value) {
        return new ProducerRecord("k1", value, Map.of());
    }

    @Test
    void shouldAcceptAnyFirstSequenceThenRefuseAGapAndAnswerARetryWithTheOriginal() throws Exception {
        PartitionedLog log = factory.create(LogConfig.of(1), InstantSource.system());
        TopicPartition tp = new TopicPartition(topicOf(log), 0);
        ProducerIdAndEpoch p = log.initProducerId();

        assertThat(log.append(p, 0, 5, record("v1"))).isEqualTo(AppendOutcome.appended(0, 0)); // L12: any first
        assertThat(log.append(p, 0, 7, record("v2")).status()).isEqualTo(AppendOutcome.Status.OUT_OF_ORDER_SEQUENCE);
        assertThat(log.append(p, 0, 6, record("v3"))).isEqualTo(AppendOutcome.appended(0, 1));
        assertThat(log.append(p, 0, 6, record("v3"))).isEqualTo(AppendOutcome.duplicateOf(0, 1));
        assertThat(end(tp, IsolationLevel.READ_UNCOMMITTED))
                .as("Kafka wrote v1 and v3 once each")
                .isEqualTo(2);
    }

    @Test
    void shouldAbortATransactionLeftOpenPastItsTimeoutAndFenceItsProducer() throws Exception {
        Duration timeout = Duration.ofSeconds(2);
        PartitionedLog log = factory.create(LogConfig.of(1).withTransactionTimeout(timeout), InstantSource.system());
        TopicPartition tp = new TopicPartition(topicOf(log), 0);
        ProducerIdAndEpoch t = log.initTransactions("tx-timeout-" + tp.topic());

        assertThat(log.beginTransaction(t)).isEqualTo(TransactionOutcome.BEGUN);
        assertThat(log.append(t, 0, 0, record("v1")).status()).isEqualTo(AppendOutcome.Status.APPENDED);
        assertThat(end(tp, IsolationLevel.READ_COMMITTED))
                .as("held at the open transaction")
                .isZero();

        new RealClockDriver(timeout.multipliedBy(2)).advance(timeout.plusSeconds(1)); // past it, and the sweep
        assertThat(end(tp, IsolationLevel.READ_COMMITTED))
                .as("the coordinator aborted it: its record and the abort marker are stable")
                .isEqualTo(2);
        assertThat(log.commitTransaction(t)).isEqualTo(TransactionOutcome.PRODUCER_FENCED); // L15
        assertThat(committedRecords(tp))
                .as("nothing of the aborted transaction is read_committed")
                .isZero();

        ProducerIdAndEpoch again = log.initTransactions("tx-timeout-" + tp.topic());
        assertThat(again.epoch()).isGreaterThan(t.epoch());
        assertThat(log.beginTransaction(again)).isEqualTo(TransactionOutcome.BEGUN);
        assertThat(log.append(again, 0, 0, record("v2")).status()).isEqualTo(AppendOutcome.Status.APPENDED);
        assertThat(log.commitTransaction(again)).isEqualTo(TransactionOutcome.COMMITTED);
        assertThat(committedRecords(tp)).isEqualTo(1);
    }

    @Test
    void shouldKeepEachLogsTransactionalIdsItsOwn() {
        PartitionedLog a = factory.create(LogConfig.of(1), InstantSource.system());
        PartitionedLog b = factory.create(LogConfig.of(1), InstantSource.system());
        ProducerIdAndEpoch ta = a.initTransactions("T1");
        ProducerIdAndEpoch tb = b.initTransactions("T1"); // the same name in another log fences nothing
        assertThat(a.beginTransaction(ta)).isEqualTo(TransactionOutcome.BEGUN);
        assertThat(a.append(ta, 0, 0, record("v1")).status()).isEqualTo(AppendOutcome.Status.APPENDED);
        assertThat(a.commitTransaction(ta)).isEqualTo(TransactionOutcome.COMMITTED);
        assertThat(tb.producerId()).isNotEqualTo(ta.producerId());
    }

    @Test
    void shouldStoreACommitFromNoMemberIntoAnEmptyGroupAndRefuseItWhileTheGroupHasMembers() throws Exception {
        PartitionedLog log = factory.create(LogConfig.of(1), InstantSource.system());
        String topic = topicOf(log);
        TopicPartition tp = new TopicPartition(topic, 0);
        log.append(0, record("v1"));
        String group = "g-" + topic;

        assertThat(log.commit(group, "", LogFacts.NO_GENERATION, 0, 1)).isEqualTo(CommitOutcome.COMMITTED); // L9
        assertThat(groupOffset(KafkaGroups.groupId(topic, group), tp))
                .as("Kafka stored it")
                .isEqualTo(1);
        assertThat(log.committed(group, 0)).hasValue(1);
        assertThat(log.groups()).contains(group);

        try (KafkaConsumer<String, String> member = member(KafkaGroups.groupId(topic, group), topic)) {
            assertThat(member.groupMetadata().generationId()).isPositive();
            assertThat(log.commit(group, "", LogFacts.NO_GENERATION, 0, 0))
                    .as("a group with a member fences a commit from no member")
                    .isEqualTo(CommitOutcome.UNKNOWN_MEMBER_ID);
        }
        assertThat(groupOffset(KafkaGroups.groupId(topic, group), tp))
                .as("nothing stored by the refused commit")
                .isEqualTo(1);
    }

    /** A consumer of the classic protocol that has joined {@code group} (its first poll returns after the join). */
    private static KafkaConsumer<String, String> member(String group, String topic) {
        KafkaConsumer<String, String> c = new KafkaConsumer<>(
                Map.of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        kafka.bootstrapServers(),
                        ConsumerConfig.GROUP_ID_CONFIG,
                        group,
                        ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                        false),
                new StringDeserializer(),
                new StringDeserializer());
        c.subscribe(List.of(topic));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (c.assignment().isEmpty() && System.nanoTime() < deadline) {
            c.poll(Duration.ofMillis(200));
        }
        assertThat(c.assignment()).as("the member joined").isNotEmpty();
        return c;
    }

    private static String topicOf(PartitionedLog log) throws Exception {
        // the factory names topics queuelab-<run>-<n>; the newest is this log's
        return admin.listTopics().names().get().stream()
                .filter(n -> n.startsWith("queuelab-"))
                .max((a, b) -> Long.compare(ordinal(a), ordinal(b)))
                .orElseThrow();
    }

    private static long ordinal(String topic) {
        return Long.parseLong(topic.substring(topic.lastIndexOf('-') + 1));
    }

    private static long end(TopicPartition tp, IsolationLevel isolation) throws Exception {
        return admin.listOffsets(Map.of(tp, OffsetSpec.latest()), new ListOffsetsOptions(isolation))
                .partitionResult(tp)
                .get()
                .offset();
    }

    private static long groupOffset(String group, TopicPartition tp) throws Exception {
        Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets(group)
                .partitionsToOffsetAndMetadata()
                .get();
        return offsets.get(tp).offset();
    }

    /** How many records a read_committed consumer of Kafka's own reads from the partition's start. */
    private static int committedRecords(TopicPartition tp) {
        try (KafkaConsumer<String, String> c = new KafkaConsumer<>(
                Map.of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        kafka.bootstrapServers(),
                        ConsumerConfig.ISOLATION_LEVEL_CONFIG,
                        "read_committed"),
                new StringDeserializer(),
                new StringDeserializer())) {
            c.assign(List.of(tp));
            c.seekToBeginning(List.of(tp));
            int n = 0;
            for (int empty = 0; empty < 5; ) {
                int got = c.poll(Duration.ofMillis(200)).count();
                n += got;
                empty = got == 0 ? empty + 1 : 0;
            }
            return n;
        }
    }
}
