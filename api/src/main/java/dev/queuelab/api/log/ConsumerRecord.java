package dev.queuelab.api.log;

import java.time.Instant;
import java.util.Map;

/**
 * A record as a read returns it: where it sits (partition, offset), when the log appended it, and what the
 * producer sent.
 *
 * @param timestamp the log's clock at the append (Kafka's LogAppendTime), so timestamps never go backwards
 *                  within a partition
 */
public record ConsumerRecord(
        int partition, long offset, Instant timestamp, String key, String value, Map<String, String> headers) {

    public ConsumerRecord {
        headers = Map.copyOf(headers);
    }

    public ProducerRecord asProducerRecord() {
        return new ProducerRecord(key, value, headers);
    }
}
