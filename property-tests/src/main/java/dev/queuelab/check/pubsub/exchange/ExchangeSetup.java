package dev.queuelab.check.pubsub.exchange;

import dev.queuelab.api.pubsub.exchange.BindingSpec;
import dev.queuelab.api.pubsub.exchange.ExchangeSpec;
import dev.queuelab.api.pubsub.exchange.QueueSpec;
import java.util.List;

/**
 * A scenario's broker: what is declared and who consumes, in order, before the first step. Publishes go to
 * the first exchange.
 */
public record ExchangeSetup(
        List<ExchangeSpec> exchanges, List<QueueSpec> queues, List<BindingSpec> bindings, List<Consumer> consumers) {

    /** A consumer by its story name ("A"), on a channel, with its prefetch (0: no limit). */
    public record Consumer(String name, String channel, String queue, int prefetch) {
        @Override
        public String toString() {
            return name + " on " + queue + " (" + channel + ", prefetch " + prefetch + ")";
        }
    }

    public ExchangeSetup {
        exchanges = List.copyOf(exchanges);
        queues = List.copyOf(queues);
        bindings = List.copyOf(bindings);
        consumers = List.copyOf(consumers);
    }

    public String publishTo() {
        return exchanges.get(0).name();
    }

    public Consumer consumer(String name) {
        return consumers.stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
    }

    @Override
    public String toString() {
        return "exchanges " + exchanges + ", queues " + queues + ", bindings " + bindings + ", consumers " + consumers;
    }
}
