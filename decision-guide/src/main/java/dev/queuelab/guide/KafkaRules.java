package dev.queuelab.guide;

import dev.queuelab.guide.Recommendation.Failure;
import dev.queuelab.guide.Recommendation.Setting;
import dev.queuelab.guide.Recommendation.Sizing;
import java.util.List;

/**
 * Apache Kafka, run by the team or as Amazon MSK: partitions sized by the guide's own partition size (no quota per
 * partition), retry topics (or blocking retries under order), a dead-letter topic, replication with
 * min.insync.replicas, and transactions for exactly-once inside the log.
 */
final class KafkaRules implements ProductRules {

    static final KafkaRules INSTANCE = new KafkaRules();

    private KafkaRules() {}

    @Override
    public String home(Product p) {
        return p == Product.MSK ? "aws" : "self-run";
    }

    @Override
    public String producerKey(Design d, String base) {
        return ProductRules.logKey(base, "partition and offset");
    }

    @Override
    public String retentionName() {
        return "retention.ms";
    }

    @Override
    public List<Setting> settings(Design d, Failure failure, Sizing sizing) {
        return ProductRules.replication(d);
    }
}
