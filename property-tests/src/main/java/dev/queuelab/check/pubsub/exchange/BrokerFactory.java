package dev.queuelab.check.pubsub.exchange;

import dev.queuelab.api.pubsub.exchange.Broker;
import java.time.InstantSource;

/** How the registry makes a broker: from the clock the simulation moves. */
@FunctionalInterface
public interface BrokerFactory {
    Broker create(InstantSource clock);
}
