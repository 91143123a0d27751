package dev.queuelab.reference.pubsub.exchange;

import dev.queuelab.api.pubsub.exchange.BindingSpec;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * One exchange's bindings and how it matches a publish against them: one implementation per exchange type.
 * Thread-safety: none; the broker calls it under its lock.
 */
interface ExchangeRouter {

    void add(BindingSpec binding);

    /** Drops every binding to a destination (the queue was deleted). */
    void removeDestination(Destination destination);

    /** A route's order: by name, so a publish reaches its queues in one order whatever the bindings' order. */
    Comparator<Destination> BY_NAME = Comparator.comparing(Destination::name);

    /** The destinations one hop away, each once, by name: a list the caller only reads, and may keep. */
    List<Destination> route(String routingKey, Map<String, String> headers);

    static Destination destinationOf(BindingSpec b) {
        return new Destination(b.destination(), b.toExchange());
    }
}
