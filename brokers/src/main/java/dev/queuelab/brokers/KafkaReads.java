package dev.queuelab.brokers;

import dev.queuelab.api.log.ConsumerRecord;
import dev.queuelab.api.log.FetchResult;
import dev.queuelab.api.log.IsolationLevel;
import dev.queuelab.api.log.LogConfig;
import dev.queuelab.api.log.OffsetOutOfRangeException;
import dev.queuelab.api.log.Seek;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;

/**
 * The reading side of {@link KafkaLog}, through two of Kafka's consumers (read_uncommitted and read_committed):
 * a read assigns the partition and seeks (auto.offset.reset=none, so an offset out of range is the broker's
 * answer), offsets come from the consumer's beginning, end and time lookups (the end is the high watermark
 * read_uncommitted, the last stable offset read_committed). A seek by time that Kafka answers with none is
 * answered -1, not made up into the end.
 *
 * <p>Invariants: KA2 (a read returns records in offset order from the offset asked, at most {@code max}, as the
 * broker gave them). Thread-safety: one thread (the runner's). Real world: a consumer with {@code assign()}.
 */
final class KafkaReads {

    private static final Duration POLL = Duration.ofMillis(100);
    private static final int EMPTY_POLLS = 30; // 3 s of nothing before a read gives up on records the end promised

    private final LogConfig config;
    private final String topic;
    private final Consumer<String, String> uncommitted;
    private final Consumer<String, String> committed;

    KafkaReads(
            LogConfig config, String topic, Consumer<String, String> uncommitted, Consumer<String, String> committed) {
        this.config = config;
        this.topic = topic;
        this.uncommitted = uncommitted;
        this.committed = committed;
    }

    FetchResult read(int partition, long fromOffset, int max, IsolationLevel isolation) {
        TopicPartition tp = new TopicPartition(topic, config.requirePartition(partition));
        Consumer<String, String> c = consumer(isolation);
        long end = c.endOffsets(List.of(tp)).get(tp);
        c.assign(List.of(tp));
        c.seek(tp, fromOffset);
        List<ConsumerRecord> records = new ArrayList<>();
        try {
            int empty = 0;
            while (records.size() < max && c.position(tp) < end && empty < EMPTY_POLLS) {
                var got = c.poll(POLL).records(tp);
                empty = got.isEmpty() ? empty + 1 : 0;
                for (var r : got) {
                    if (records.size() < max) {
                        records.add(record(r));
                    }
                }
            }
        } catch (org.apache.kafka.clients.consumer.OffsetOutOfRangeException e) {
            throw new OffsetOutOfRangeException(
                    partition, fromOffset, logStartOffset(partition), highWatermark(partition));
        }
        // short of max, the consumer returned all it fetched: its position is past the markers and aborted records
        // it stepped over; at max, the next is after the last returned (the consumer may have fetched more)
        long next = records.size() < max ? Math.max(fromOffset, c.position(tp)) : last(records) + 1;
        return new FetchResult(
                partition,
                records,
                next,
                logStartOffset(partition),
                highWatermark(partition),
                lastStableOffset(partition));
    }

    private static long last(List<ConsumerRecord> records) {
        return records.get(records.size() - 1).offset();
    }

    private static ConsumerRecord record(org.apache.kafka.clients.consumer.ConsumerRecord<String, String> r) {
        Map<String, String> headers = new HashMap<>();
        for (Header h : r.headers()) {
            headers.put(h.key(), h.value() == null ? null : new String(h.value(), StandardCharsets.UTF_8));
        }
        return new ConsumerRecord(
                r.partition(), r.offset(), Instant.ofEpochMilli(r.timestamp()), r.key(), r.value(), headers);
    }

    private Consumer<String, String> consumer(IsolationLevel isolation) {
        return isolation == IsolationLevel.READ_COMMITTED ? committed : uncommitted;
    }

    private TopicPartition tp(int partition) {
        return new TopicPartition(topic, config.requirePartition(partition));
    }

    long logStartOffset(int partition) {
        TopicPartition tp = tp(partition);
        return uncommitted.beginningOffsets(List.of(tp)).get(tp);
    }

    long highWatermark(int partition) {
        TopicPartition tp = tp(partition);
        return uncommitted.endOffsets(List.of(tp)).get(tp);
    }

    long lastStableOffset(int partition) {
        TopicPartition tp = tp(partition);
        return committed.endOffsets(List.of(tp)).get(tp);
    }

    long offsetFor(int partition, Seek seek, IsolationLevel isolation) {
        TopicPartition tp = tp(partition);
        if (seek instanceof Seek.Earliest) {
            return logStartOffset(partition);
        }
        if (seek instanceof Seek.Latest) {
            return consumer(isolation).endOffsets(List.of(tp)).get(tp);
        }
        if (seek instanceof Seek.ToOffset o) {
            return o.offset();
        }
        Seek.ToTimestamp t = (Seek.ToTimestamp) seek;
        OffsetAndTimestamp found = consumer(isolation)
                .offsetsForTimes(Map.of(tp, t.timestamp().toEpochMilli()))
                .get(tp);
        return found == null ? -1 : found.offset(); // Kafka answers none: said as it came
    }
}
