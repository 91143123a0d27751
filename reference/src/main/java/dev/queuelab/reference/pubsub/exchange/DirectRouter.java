package dev.queuelab.reference.pubsub.exchange;

import dev.queuelab.api.pubsub.exchange.BindingSpec;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** A direct exchange: a hash from binding key to destinations, so routing costs one lookup (EX1). */
final class DirectRouter implements ExchangeRouter {

    /** Each key's destinations by name, each once: a new list when a binding changes, none per publish. */
    private final Map<String, List<Destination>> byKey = new HashMap<>();

    @Override
    public void add(BindingSpec binding) {
        Destination d = ExchangeRouter.destinationOf(binding);
        List<Destination> bound = byKey.getOrDefault(binding.routingKey(), List.of());
        if (!bound.contains(d)) {
            byKey.put(
                    binding.routingKey(),
                    Stream.concat(bound.stream(), Stream.of(d)).sorted(BY_NAME).toList());
        }
    }

    @Override
    public void removeDestination(Destination destination) {
        byKey.replaceAll(
                (k, bound) -> bound.stream().filter(d -> !d.equals(destination)).toList());
    }

    @Override
    public List<Destination> route(String routingKey, Map<String, String> headers) {
        return byKey.getOrDefault(routingKey, List.of());
    }
}
