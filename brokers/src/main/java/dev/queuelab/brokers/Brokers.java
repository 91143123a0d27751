package dev.queuelab.brokers;

import java.util.List;
import java.util.Optional;

/** The brokers {@code queuelab brokers} knows, in the order it lists them: add a {@link BrokerTarget} here. */
public final class Brokers {

    private Brokers() {}

    public static final List<BrokerTarget> ALL =
            List.of(new KafkaTarget(), new SqsTarget(), new RedisTarget(), new RabbitTarget());

    public static Optional<BrokerTarget> find(String name) {
        return ALL.stream().filter(b -> b.name().equals(name)).findFirst();
    }

    public static List<String> names() {
        return ALL.stream().map(BrokerTarget::name).toList();
    }
}
