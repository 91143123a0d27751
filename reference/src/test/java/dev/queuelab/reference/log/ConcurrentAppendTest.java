package dev.queuelab.reference.log;

import static org.assertj.core.api.Assertions.assertThat;

import dev.queuelab.api.log.AppendOutcome;
import dev.queuelab.api.log.ConsumerRecord;
import dev.queuelab.api.log.FetchResult;
import dev.queuelab.api.log.LogConfig;
import dev.queuelab.api.log.ProducerIdAndEpoch;
import dev.queuelab.api.log.ProducerRecord;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Real threads: four idempotent producers, each retrying every append once (as after a lost acknowledgement),
 * and a reader tailing every partition while they write. Bounded in time: every wait has a timeout.
 */
class ConcurrentAppendTest extends LogFixture {

    private static final int PRODUCERS = 4;
    private static final int PER_PRODUCER = 2_000;
    private static final int PARTITIONS = 3;

    @Test
    void shouldKeepOffsetsDenseAndEachKeyInOrderWhenProducersRetryWhileAReaderTails() throws Exception {
        KafkaLog log = log(LogConfig.of(PARTITIONS).withSegmentBytes(4_096));
        ExecutorService pool = Executors.newFixedThreadPool(PRODUCERS + 1);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Integer>> producers = new ArrayList<>();
            for (int p = 0; p < PRODUCERS; p++) {
                String key = "producer-" + p;
                producers.add(pool.submit(() -> produce(log, key, start)));
            }
            Future<List<ConsumerRecord>> reader = pool.submit(() -> tail(log, PRODUCERS * PER_PRODUCER, start));
            start.countDown();
            for (Future<Integer> f : producers) {
                assertThat(f.get(30, TimeUnit.SECONDS))
                        .as("L12: every retry was answered as a duplicate")
                        .isEqualTo(PER_PRODUCER);
            }
            List<ConsumerRecord> tailed = reader.get(30, TimeUnit.SECONDS);

            List<ConsumerRecord> everything = new ArrayList<>();
            for (int p = 0; p < PARTITIONS; p++) {
                FetchResult all = log.read(p, 0, Integer.MAX_VALUE);
                for (int i = 0; i < all.records().size(); i++) {
                    assertThat(all.records().get(i).offset())
                            .as("L1: partition %d is dense at index %d", p, i)
                            .isEqualTo(i);
                }
                everything.addAll(all.records());
            }
            assertThat(everything)
                    .as(
                            "L12: %d appends, each retried once, are %d records",
                            PRODUCERS * PER_PRODUCER, PRODUCERS * PER_PRODUCER)
                    .hasSize(PRODUCERS * PER_PRODUCER);
            assertThat(tailed)
                    .as("L1: what the reader saw while the producers wrote is what is there now")
                    .containsExactlyInAnyOrderElementsOf(everything);
            Map<String, List<Integer>> byKey = new HashMap<>();
            for (ConsumerRecord r : tailed) {
                byKey.computeIfAbsent(r.key(), k -> new ArrayList<>()).add(Integer.parseInt(r.value()));
            }
            for (Map.Entry<String, List<Integer>> e : byKey.entrySet()) {
                List<Integer> sorted = new ArrayList<>(e.getValue());
                Collections.sort(sorted);
                assertThat(e.getValue())
                        .as("L2: %s's records reach the reader in append order", e.getKey())
                        .isEqualTo(sorted);
            }
        } finally {
            pool.shutdownNow();
            assertThat(pool.awaitTermination(10, TimeUnit.SECONDS))
                    .as("threads stop within the bound")
                    .isTrue();
        }
    }

    /** Appends PER_PRODUCER records under one key, each twice; returns how many retries were duplicates. */
    private static int produce(KafkaLog log, String key, CountDownLatch start) throws InterruptedException {
        start.await(10, TimeUnit.SECONDS);
        ProducerIdAndEpoch id = log.initProducerId();
        int partition = log.partitionFor(key);
        int duplicates = 0;
        for (int seq = 0; seq < PER_PRODUCER; seq++) {
            ProducerRecord record = new ProducerRecord(key, Integer.toString(seq), Map.of());
            AppendOutcome first = log.append(id, partition, seq, record);
            AppendOutcome retry = log.append(id, partition, seq, record);
            if (first.status() == AppendOutcome.Status.APPENDED
                    && retry.equals(AppendOutcome.duplicateOf(partition, first.offset()))) {
                duplicates++;
            }
        }
        return duplicates;
    }

    /** Reads every partition from where it left off until it has {@code expected} records (or 20 s pass). */
    private static List<ConsumerRecord> tail(KafkaLog log, int expected, CountDownLatch start)
            throws InterruptedException {
        start.await(10, TimeUnit.SECONDS);
        long[] next = new long[PARTITIONS];
        List<ConsumerRecord> seen = new ArrayList<>();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (seen.size() < expected && System.nanoTime() < deadline) {
            for (int p = 0; p < PARTITIONS; p++) {
                FetchResult fetch = log.read(p, next[p], 100);
                seen.addAll(fetch.records());
                next[p] = fetch.nextOffset();
            }
            Thread.onSpinWait();
        }
        return seen;
    }
}
