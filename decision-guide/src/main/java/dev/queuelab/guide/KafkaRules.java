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
        List<Setting> out = new java.util.ArrayList<>(ProductRules.replication(d));
        if (d.s.product() == Product.MSK && d.s.queued()) {
            // the cluster ceiling the capacity check uses is a KRaft cluster's: a ZooKeeper one holds half as many
            out.add(new Setting(
                    "metadata mode (cluster)",
                    "KRaft: up to " + Numbers.plain(Design.fact("msk.broker-limits", "max-brokers"))
                            + " brokers a cluster, where ZooKeeper mode allows "
                            + Numbers.plain(Design.fact("msk.broker-limits", "zookeeper-max-brokers")),
                    null,
                    null,
                    "",
                    "msk.broker-limits"));
        }
        return out;
    }
}
