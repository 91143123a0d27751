package dev.queuelab.guide;

/**
 * How many machines a design on brokers runs: brokers (Kafka, MSK), nodes (RabbitMQ) and Redis shards, each with
 * the guide's headroom. One count for the ceilings ({@link Capacity}) and the month's bill ({@link MonthlyCost}),
 * so the bill prices the cluster the checks size.
 */
final class Fleet {

    private Fleet() {}

    private static double n(String id, String name) {
        return Facts.registry().get(id).number(name);
    }

    /**
     * Brokers or nodes: the most of network (each record in once, to every follower and out to every reader),
     * records with replicas, disk and, on Kafka, partition replicas, each with headroom; never fewer than replicas.
     */
    static double brokers(Product p, Capacity.Load load) {
        boolean msk = p == Product.MSK;
        boolean kafka = msk || p == Product.KAFKA;
        double headroom = n("guide.headroom", "factor");
        double traffic = load.bytes() * (load.replicas() + load.readers());
        double records = load.rate() * load.replicas();
        double perBrokerDisk = msk ? n("msk.broker-limits", "max-bytes-per-broker") : n("guide.broker", "max-bytes");
        double byNetwork = traffic * headroom / n("guide.broker", "bytes-per-second");
        double byRecords = records * headroom / n("guide.broker", "records-per-second");
        double byDisk = load.stored() * headroom / perBrokerDisk;
        double byPartitions = 0;
        if (kafka && load.partitions() != null) {
            double perBroker =
                    n(msk ? "msk.broker-limits" : "kafka.partition-limits", "max-partition-replicas-per-broker");
            byPartitions = load.partitions() * load.replicas() * headroom / perBroker;
        }
        return Math.max(
                load.replicas(), Math.ceil(Math.max(Math.max(byNetwork, byRecords), Math.max(byDisk, byPartitions))));
    }

    /** Redis commands a second: XADD, XREADGROUP and XACK per stream entry; a PUBLISH and a push per subscriber. */
    static double redisCommands(Product p, Capacity.Load load) {
        return p == Product.REDIS_STREAMS ? load.rate() * 3 : load.rate() * (1 + load.readers());
    }

    /** Redis shards for those commands, with headroom; at least one. */
    static double redisShards(Product p, Capacity.Load load) {
        return Math.max(
                1,
                Math.ceil(redisCommands(p, load)
                        * n("guide.headroom", "factor")
                        / n("redis.cluster", "commands-per-second")));
    }
}
