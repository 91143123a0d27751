package dev.queuelab.check.pubsub.exchange;

import dev.queuelab.api.pubsub.exchange.Delivery;
import dev.queuelab.api.pubsub.exchange.XDeath;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** How the model compares a delivery's x-death with its own: every field, the time as a broker stamps it. */
final class XDeaths {

    private XDeaths() {}

    /**
     * How far before the model's stamp a broker's x-death time may be. A broker stamps a death when it acts, in
     * whole seconds (an AMQP timestamp); the model stamps it at the call where it notices, and an expired head
     * is noticed only at the next call, a tick later. A simulated broker's stamps are the model's exactly.
     */
    static final Duration DEATH_STAMP_SLACK = Duration.ofSeconds(5);

    /** Same entries in the same order, each time within {@link #DEATH_STAMP_SLACK} before the model's, or equal. */
    static boolean same(List<XDeath> expected, List<XDeath> actual) {
        if (expected.size() != actual.size()) {
            return false;
        }
        for (int i = 0; i < expected.size(); i++) {
            XDeath e = expected.get(i);
            XDeath a = actual.get(i);
            long late = e.time().getEpochSecond() - a.time().getEpochSecond();
            if (!withTime(a, e.time()).equals(e) || late < 0 || late > DEATH_STAMP_SLACK.toSeconds()) {
                return false;
            }
        }
        return true;
    }

    private static XDeath withTime(XDeath d, Instant time) {
        return new XDeath(d.queue(), d.reason(), d.count(), d.exchange(), d.routingKeys(), time);
    }

    static Delivery withDeaths(Delivery d, List<XDeath> deaths) {
        return new Delivery(
                d.consumerTag(),
                d.deliveryTag(),
                d.queue(),
                d.exchange(),
                d.routingKey(),
                d.headers(),
                d.body(),
                d.redelivered(),
                d.deliveryCount(),
                deaths);
    }
}
