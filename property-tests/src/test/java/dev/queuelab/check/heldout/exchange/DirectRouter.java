package dev.queuelab.check.heldout.exchange;

import dev.queuelab.api.pubsub.exchange.BindingSpec;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/** A direct exchange: a hash from binding key to destinations, so routing costs one lookup (EX1). */
final class DirectRouter implements ExchangeRouter {

    private final Map<String, Set<Destination>> byKey = new HashMap<>();

    @Override
    public void add(BindingSpec binding) {
        byKey.computeIfAbsent(binding.routingKey(), k -> new LinkedHashSet<>())
                .add(ExchangeRouter.destinationOf(binding));
    }

    @Override
    public void removeDestination(Destination destination) {
        byKey.values().forEach(s -> s.remove(destination));
    }

    @Override
    public Set<Destination> route(String routingKey, Map<String, String> headers) {
        return Set.copyOf(byKey.getOrDefault(routingKey, Set.of()));
    }
}
