package dev.queuelab.check.heldout.exchange;

import dev.queuelab.api.pubsub.exchange.BindingSpec;
import dev.queuelab.api.pubsub.exchange.ExchangeSpec;
import dev.queuelab.api.pubsub.exchange.ExchangeType;
import dev.queuelab.api.pubsub.exchange.Message;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The broker's exchanges and the graph their bindings make: which queues a message reaches from an exchange.
 *
 * <p>Teaches: routing is a walk of a graph, each exchange matching by its own type; an exchange-to-exchange
 * binding hands the message on with the same routing key, and an exchange that matches nothing hands it to
 * its alternate exchange (rabbitmq.com/docs/ae, rabbitmq.com/docs/e2e).
 * Invariants: EX1 (see {@link RabbitBroker}); each exchange is walked once per publish, so a cycle of
 * exchange-to-exchange bindings ends, and each queue is reached once.
 * Thread-safety: none; the broker calls it under its lock.
 * Real world: rabbit_exchange:route.
 */
final class Exchanges {

    private final BrokerRules rules;
    private final Map<String, ExchangeSpec> specs = new LinkedHashMap<>();
    private final Map<String, ExchangeRouter> routers = new LinkedHashMap<>();

    private final Slip slip;

    Exchanges(BrokerRules rules, Slip slip) {
        this.rules = rules;
        this.slip = slip;
    }

    void declare(ExchangeSpec exchange) {
        specs.put(exchange.name(), exchange);
        routers.put(exchange.name(), router(exchange.type()));
    }

    private ExchangeRouter router(ExchangeType type) {
        if (type == ExchangeType.DIRECT) {
            return new DirectRouter();
        }
        if (type == ExchangeType.FANOUT) {
            return new FanoutRouter();
        }
        if (type == ExchangeType.TOPIC && slip == Slip.TOPIC_REGEX) {
            return new TopicRegexRouter();
        }
        return type == ExchangeType.TOPIC
                ? new TopicTrie(rules.hashMinWords(), rules.hashMaxWords())
                : new HeadersRouter(slip);
    }

    boolean exists(String exchange) {
        return routers.containsKey(exchange);
    }

    /** The exchange's router, or one clear line when it was never declared. */
    ExchangeRouter require(String exchange) {
        ExchangeRouter r = routers.get(exchange);
        if (r == null) {
            throw new IllegalArgumentException("exchange '" + exchange + "' is not declared: declare it first");
        }
        return r;
    }

    void bind(BindingSpec binding) {
        require(binding.source()).add(binding);
    }

    /** RETURN_VIA_ALTERNATE: whether the exchange's own bindings match the message, alternates aside. */
    boolean matchesOwnBindings(String exchange, Message m) {
        return !routers.get(exchange).route(m.routingKey(), m.headers()).isEmpty();
    }

    /** A deleted queue's bindings go with it. */
    void forget(String queue) {
        routers.values().forEach(r -> r.removeDestination(new Destination(queue, false)));
    }

    /** EX1: the queues a message reaches from {@code exchange}, in a stable order. */
    Set<String> route(String exchange, Message m) {
        Set<String> out = new TreeSet<>();
        routeFrom(exchange, m, new LinkedHashSet<>(), out);
        return out;
    }

    private void routeFrom(String exchange, Message m, Set<String> visited, Set<String> out) {
        ExchangeRouter router = routers.get(exchange);
        if (router == null || !visited.add(exchange)) {
            return;
        }
        Set<Destination> next = router.route(m.routingKey(), m.headers());
        Optional<String> alternate = specs.get(exchange).alternateExchange();
        if (next.isEmpty() && alternate.isPresent() && rules.useAlternateExchange()) {
            routeFrom(alternate.get(), m, visited, out);
        }
        for (Destination d : next) {
            if (d.exchange()) {
                routeFrom(d.name(), m, visited, out);
            } else {
                out.add(d.name());
            }
        }
    }
}
