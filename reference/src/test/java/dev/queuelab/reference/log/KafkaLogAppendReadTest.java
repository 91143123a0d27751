package dev.queuelab.reference.log;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.queuelab.api.OutOfRangeException;
import dev.queuelab.api.log.AppendOutcome;
import dev.queuelab.api.log.ConsumerRecord;
import dev.queuelab.api.log.FetchResult;
import dev.queuelab.api.log.LogConfig;
import dev.queuelab.api.log.OffsetOutOfRangeException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Appends and reads, one rule per test: L1 (offsets), L2 (partitioning), L3 (the range a read serves). */
class KafkaLogAppendReadTest extends LogFixture {

    @Test
    void shouldNumberEachPartitionFromZeroWhenRecordsAreAppended() {
        KafkaLog log = log(LogConfig.of(2));
        assertThat(List.of(append(log, 0, "a"), append(log, 0, "b"), append(log, 1, "c"), append(log, 0, "d")))
                .as("L1: offsets are dense and per partition")
                .containsExactly(0L, 1L, 0L, 2L);
        assertThat(log.highWatermark(0))
                .as("L1: one past the last offset of partition 0")
                .isEqualTo(3);
        assertThat(log.highWatermark(1)).isEqualTo(1);
    }

    @Test
    void shouldSendAKeyToKafkasPartitionWhenTheKeyIsGiven() {
        KafkaLog log = log(LogConfig.of(12));
        AppendOutcome out = log.append("foobar", "v", Map.of());
        assertThat(out.partition())
                .as("L2: toPositive(murmur2(\"foobar\")) % 12 = 6, as Kafka computes it")
                .isEqualTo(6);
        assertThat(log.partitionFor("21")).as("L2: \"21\" on 12 partitions").isEqualTo(0);
        assertThat(out).isEqualTo(AppendOutcome.appended(6, 0));
    }

    @Test
    void shouldKeepAKeysRecordsInAppendOrderWhenOtherKeysInterleave() {
        KafkaLog log = log(LogConfig.of(3));
        for (int i = 0; i < 30; i++) {
            log.append("key-" + (i % 5), "v" + i, Map.of());
        }
        int p = log.partitionFor("key-2");
        List<String> seen = log.read(p, 0, 100).records().stream()
                .filter(r -> r.key().equals("key-2"))
                .map(ConsumerRecord::value)
                .toList();
        assertThat(seen)
                .as("L2: all of key-2 is on partition %d, in the order it was appended", p)
                .containsExactly("v2", "v7", "v12", "v17", "v22", "v27");
    }

    @Test
    void shouldSpreadNullKeysRoundRobinWhenNoKeyIsGiven() {
        KafkaLog log = log(LogConfig.of(3));
        List<Integer> partitions = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            partitions.add(log.append(null, "v" + i, Map.of()).partition());
        }
        assertThat(partitions).as("L2: null keys go to 0, 1, 2, 0... in turn").containsExactly(0, 1, 2, 0, 1, 2, 0);
    }

    @Test
    void shouldReturnTheSameRecordsWhenAnOffsetIsReadAgain() {
        KafkaLog log = log(LogConfig.of(1));
        log.append("k", "v1", Map.of("trace", "t1"));
        clock.advance(Duration.ofSeconds(3));
        log.append("k", "v2", Map.of());
        FetchResult first = log.read(0, 0, 10);
        log.append("k", "v3", Map.of());
        FetchResult again = log.read(0, 0, 2);
        assertThat(again.records())
                .as("L1: a replay from offset 0 returns what the first read returned")
                .isEqualTo(first.records());
        assertThat(first.records().get(0).headers()).as("L1: headers are kept").isEqualTo(Map.of("trace", "t1"));
        assertThat(first.records().get(1).timestamp())
                .as("L1: stamped with the log's clock at the append")
                .isEqualTo(dev.queuelab.api.SimClock.EPOCH.plusSeconds(3));
    }

    @Test
    void shouldReturnAtMostMaxRecordsAndTheNextOffsetWhenMoreAreThere() {
        KafkaLog log = log(LogConfig.of(1));
        for (int i = 0; i < 5; i++) {
            append(log, 0, "v" + i);
        }
        FetchResult fetch = log.read(0, 1, 3);
        assertThat(values(fetch)).as("L3: 3 records from offset 1").containsExactly("v1", "v2", "v3");
        assertThat(fetch.nextOffset())
                .as("L3: continue after the last record returned")
                .isEqualTo(4);
        assertThat(log.read(0, 5, 3).records())
                .as("L3: reading at the high watermark returns nothing yet")
                .isEmpty();
    }

    @Test
    void shouldRefuseAReadWhenTheOffsetIsPastTheHighWatermark() {
        KafkaLog log = log(LogConfig.of(1));
        append(log, 0, "v0");
        assertThatThrownBy(() -> log.read(0, 2, 1))
                .as("L3: offset 2 is past the high watermark 1")
                .isInstanceOf(OffsetOutOfRangeException.class)
                .hasMessageContaining("offset 2 of partition 0")
                .hasMessageContaining("0 to 1")
                .hasMessageContaining("seek to earliest or latest");
    }

    @Test
    void shouldNameTheRangeWhenAPartitionOrMaxIsOutOfRange() {
        KafkaLog log = log(LogConfig.of(3));
        assertThatThrownBy(() -> log.read(3, 0, 1))
                .isInstanceOf(OutOfRangeException.class)
                .hasMessage("partition 3 is out of range: use 0 to 2 (the topic has 3 partitions)");
        assertThatThrownBy(() -> log.read(0, 0, 0))
                .isInstanceOf(OutOfRangeException.class)
                .hasMessageContaining("max 0");
        assertThatThrownBy(() -> LogConfig.of(0))
                .hasMessageContaining("partitions 0")
                .hasMessageContaining("1 to 1000");
        assertThatThrownBy(() -> LogConfig.of(1).withSessionTimeout(Duration.ZERO))
                .hasMessageContaining("sessionTimeout 0s");
    }
}
