package dev.queuelab.reference.log;

import dev.queuelab.api.SimClock;
import dev.queuelab.api.log.ConsumerRecord;
import dev.queuelab.api.log.FlushPolicy;
import dev.queuelab.api.log.LogConfig;
import dev.queuelab.api.log.ProducerRecord;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** What the disk log's tests share: a clock, small segments, and records whose bytes say where they belong. */
abstract class DiskFixture {

    final SimClock clock = new SimClock();
    static final LogConfig SMALL = LogConfig.of(1).withSegmentBytes(2_000);

    DurableKafkaLog open(Path dir, FlushPolicy policy) {
        return DurableKafkaLog.open(dir, "t", SMALL, policy, clock, FlushScheduler.CALLER);
    }

    DurableKafkaLog open(Path dir, FlushPolicy policy, DiskRules rules) {
        return DurableKafkaLog.open(dir, "t", SMALL, policy, clock, FlushScheduler.CALLER, rules);
    }

    static ProducerRecord record(long n) {
        return new ProducerRecord(
                "k" + n, "value-" + n + "-" + "x".repeat((int) (n % 50)), Map.of("n", Long.toString(n)));
    }

    /** Every record of partition 0, read from the log start to the high watermark. */
    static List<ConsumerRecord> all(DurableKafkaLog log) {
        List<ConsumerRecord> out = new ArrayList<>();
        long next = log.logStartOffset(0);
        while (next < log.highWatermark(0)) {
            var fetch = log.read(0, next, 100);
            out.addAll(fetch.records());
            next = fetch.nextOffset();
        }
        return out;
    }

    static List<Path> files(Path dir, String suffix) throws IOException {
        try (Stream<Path> s = Files.list(dir.resolve("t-0"))) {
            return s.filter(f -> f.toString().endsWith(suffix)).sorted().toList();
        }
    }
}
