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

    /**
     * What tells two x-deaths apart, for the evidence: "" when {@link #same}, else which entry and how; a
     * repeated entry (count past 1) that differs only in the time, exchange or routing keys it records is named
     * as such (RabbitMQ keeps the first death's; a broker or an exercise that records the latest's differs so).
     */
    static String difference(List<XDeath> expected, List<XDeath> actual) {
        if (same(expected, actual)) {
            return "";
        }
        if (expected.size() != actual.size()) {
            return " (" + actual.size() + " entries, expected " + expected.size() + ")";
        }
        if (expected.stream().allMatch(e -> actual.stream().anyMatch(a -> same(List.of(e), List.of(a))))) {
            return " (the same entries in another order: the most recent death comes first, and a queue and reason"
                    + " that dies again moves to the front)";
        }
        for (int i = 0; i < expected.size(); i++) {
            XDeath e = expected.get(i);
            XDeath a = actual.get(i);
            if (same(List.of(e), List.of(a))) {
                continue;
            }
            if (withTime(a, e.time()).equals(e)) {
                return " (entry " + (i + 1) + " differs in its time only: " + a.time() + ", where the model stamped "
                        + e.time() + " and a broker's stamp may be up to " + DEATH_STAMP_SLACK.toSeconds()
                        + " s before it, never after)";
            }
            boolean onlyLife = e.queue().equals(a.queue()) && e.reason().equals(a.reason()) && e.count() == a.count();
            return onlyLife && e.count() > 1
                    ? " (the repeated entry " + e + " differs only in time, exchange or routing keys: " + a.time()
                            + " " + a.exchange() + " " + a.routingKeys() + ", expected " + e.time() + " "
                            + e.exchange() + " " + e.routingKeys() + ")"
                    : " (entry " + (i + 1) + " differs)";
        }
        return "";
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
