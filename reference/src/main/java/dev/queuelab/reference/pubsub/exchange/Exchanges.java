package dev.queuelab.reference.pubsub.exchange;

import dev.queuelab.api.pubsub.exchange.BindingSpec;
import dev.queuelab.api.pubsub.exchange.ExchangeSpec;
import dev.queuelab.api.pubsub.exchange.ExchangeType;
import dev.queuelab.api.pubsub.exchange.Message;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The broker's exchanges and the graph their bindings make: which queues a message reaches from an exchange.
 *
 * <p>Teaches: routing is a walk of a graph, each exchange matching by its own type; an exchange-to-exchange
 * binding hands the message on with the same routing key, and an exchange that matches nothing hands it to
 * its alternate exchange (rabbitmq.com/docs/ae, rabbitmq.com/docs/e2e).
 * Invariants: EX1 (see {@link RabbitBroker}), EX14 (see {@link QueueTable}); each exchange is walked once per publish, so a cycle of
 * exchange-to-exchange bindings ends, and each queue is reached once.
 * Thread-safety: none; the broker calls it under its lock.
 * Real world: rabbit_exchange:route.
 */
final class Exchanges {

    /** A declared exchange, its bindings, and the last route that walked it (each is walked once per route). */
    private static final class Declared {
        final ExchangeSpec spec;
        final ExchangeRouter router;
        long walked;

        Declared(ExchangeSpec spec, ExchangeRouter router) {
            this.spec = spec;
            this.router = router;
        }
    }

    private final BrokerRules rules;
    private final Map<String, Declared> exchanges = new LinkedHashMap<>();
    private long routes;
    /** The last router list found to name queues only (lists are immutable: one seen again needs no second look). */
    private List<Destination> queuesOnlyList;

    private int walkedNow;
    /** The exchange named last, by the name's identity: a publisher names the same exchange again and again. */
    private String lastName;

    private ExchangeRouter lastRouter;

    Exchanges(BrokerRules rules) {
        this.rules = rules;
    }

    /** EX14: an exchange declared again as it is stays as it is; declared otherwise, it is refused. */
    void declare(ExchangeSpec exchange) {
        Declared d = exchanges.get(exchange.name());
        if (d != null) {
            if (!d.spec.equals(exchange)) {
                throw new IllegalArgumentException("exchange '" + exchange.name() + "' exists as " + d.spec
                        + ": RabbitMQ refuses a declaration with other arguments (PRECONDITION_FAILED, inequivalent"
                        + " arg); declare it as it is, or under another name");
            }
            return;
        }
        exchanges.put(exchange.name(), new Declared(exchange, router(exchange.type())));
        lastName = null;
    }

    private ExchangeRouter router(ExchangeType type) {
        if (type == ExchangeType.DIRECT) {
            return new DirectRouter();
        }
        if (type == ExchangeType.FANOUT) {
            return new FanoutRouter();
        }
        return type == ExchangeType.TOPIC
                ? new TopicTrie(rules.hashMinWords(), rules.hashMaxWords())
                : new HeadersRouter();
    }

    boolean exists(String exchange) {
        return exchanges.containsKey(exchange);
    }

    /** The exchange's router, or one clear line when it was never declared. */
    ExchangeRouter require(String exchange) {
        if (exchange == lastName) {
            return lastRouter;
        }
        Declared d = exchanges.get(exchange);
        if (d == null) {
            throw new IllegalArgumentException("exchange '" + exchange + "' is not declared: declare it first");
        }
        lastName = exchange;
        lastRouter = d.router;
        return d.router;
    }

    void bind(BindingSpec binding) {
        require(binding.source()).add(binding);
    }

    /** A deleted queue's bindings go with it. */
    void forget(String queue) {
        exchanges.values().forEach(d -> d.router.removeDestination(new Destination(queue, false)));
    }

    /**
     * EX1: the queues a message reaches from {@code exchange}, each once, by name (a stable order). When the
     * exchange binds only queues, that is its router's own list, made when a binding changed: a publish to N
     * queues builds no list of N. Only a walk through more than one exchange can reach a queue twice, and only
     * then is the list cut down to one of each.
     */
    List<Destination> route(String exchange, Message m) { // an undeclared exchange: require's one clear line
        routes++;
        List<Destination> next = require(exchange).route(m.routingKey(), m.headers());
        boolean queuesOnly = !next.isEmpty();
        if (next == queuesOnlyList) {
            return next; // a router answers the same list until a binding changes: checked once
        }
        for (int i = 0; i < next.size() && queuesOnly; i++) {
            queuesOnly = !next.get(i).exchange();
        }
        if (queuesOnly) {
            queuesOnlyList = next;
            return next;
        }
        List<Destination> out = new ArrayList<>();
        walkedNow = 0;
        routeFrom(exchange, m, out);
        out.sort(ExchangeRouter.BY_NAME);
        return walkedNow > 1 && out.size() > 1 ? List.copyOf(new LinkedHashSet<>(out)) : List.copyOf(out);
    }

    private void routeFrom(String exchange, Message m, List<Destination> out) {
        Declared d = exchanges.get(exchange);
        if (d == null || d.walked == routes) {
            return;
        }
        d.walked = routes;
        walkedNow++;
        List<Destination> next = d.router.route(m.routingKey(), m.headers());
        Optional<String> alternate = d.spec.alternateExchange();
        if (next.isEmpty() && alternate.isPresent() && rules.useAlternateExchange()) {
            routeFrom(alternate.get(), m, out);
        }
        for (int i = 0; i < next.size(); i++) {
            Destination to = next.get(i);
            if (to.exchange()) {
                routeFrom(to.name(), m, out);
            } else {
                out.add(to);
            }
        }
    }
}
