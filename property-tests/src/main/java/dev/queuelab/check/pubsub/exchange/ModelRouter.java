package dev.queuelab.check.pubsub.exchange;

import dev.queuelab.api.pubsub.exchange.BindingSpec;
import dev.queuelab.api.pubsub.exchange.ExchangeSpec;
import dev.queuelab.api.pubsub.exchange.ExchangeType;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * The model's routing, as plainly as the AMQP documentation says it: every binding of the setup scanned, each
 * matched by {@link TopicMatcher}; an exchange that matches nothing hands the message to its alternate
 * exchange; exchange-to-exchange bindings followed, each exchange once.
 */
final class ModelRouter {

    private ModelRouter() {}

    static Set<String> route(
            ExchangeSetup setup, Predicate<String> deleted, String exchange, String key, Map<String, String> headers) {
        Set<String> out = new TreeSet<>();
        routeFrom(setup, deleted, exchange, key, headers, new HashSet<>(), out);
        return out;
    }

    private static void routeFrom(
            ExchangeSetup setup,
            Predicate<String> deleted,
            String exchange,
            String key,
            Map<String, String> headers,
            Set<String> seen,
            Set<String> out) {
        Optional<ExchangeSpec> x = setup.exchanges().stream()
                .filter(e -> e.name().equals(exchange))
                .findFirst();
        if (x.isEmpty() || !seen.add(exchange)) {
            return;
        }
        List<BindingSpec> matched = new ArrayList<>();
        for (BindingSpec b : setup.bindings()) {
            if (b.source().equals(exchange)
                    && (b.toExchange() || !deleted.test(b.destination()))
                    && matches(x.get().type(), b, key, headers)) {
                matched.add(b);
            }
        }
        if (matched.isEmpty() && x.get().alternateExchange().isPresent()) {
            routeFrom(setup, deleted, x.get().alternateExchange().get(), key, headers, seen, out);
        }
        for (BindingSpec b : matched) {
            if (b.toExchange()) {
                routeFrom(setup, deleted, b.destination(), key, headers, seen, out);
            } else {
                out.add(b.destination());
            }
        }
    }

    private static boolean matches(ExchangeType type, BindingSpec b, String key, Map<String, String> headers) {
        switch (type) {
            case DIRECT:
                return b.routingKey().equals(key);
            case FANOUT:
                return true;
            case TOPIC:
                return TopicMatcher.topic(b.routingKey(), key);
            default:
                return TopicMatcher.headers(b.arguments(), headers);
        }
    }
}
