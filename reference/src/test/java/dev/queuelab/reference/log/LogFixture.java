package dev.queuelab.reference.log;

import dev.queuelab.api.SimClock;
import dev.queuelab.api.log.ConsumerRecord;
import dev.queuelab.api.log.FetchResult;
import dev.queuelab.api.log.LogConfig;
import java.util.List;
import java.util.Map;

/** What the log's tests share: a simulated clock and short ways to append and read values. */
abstract class LogFixture {

    final SimClock clock = new SimClock();

    KafkaLog log(LogConfig config) {
        return new KafkaLog(config, clock);
    }

    static long append(KafkaLog log, int partition, String value) {
        return log.append(partition, new dev.queuelab.api.log.ProducerRecord(null, value, Map.of()))
                .offset();
    }

    static List<String> values(FetchResult fetch) {
        return fetch.records().stream().map(ConsumerRecord::value).toList();
    }

    static List<Long> offsets(FetchResult fetch) {
        return fetch.records().stream().map(ConsumerRecord::offset).toList();
    }
}
