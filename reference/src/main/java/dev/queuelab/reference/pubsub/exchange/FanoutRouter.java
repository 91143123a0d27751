package dev.queuelab.reference.pubsub.exchange;

import dev.queuelab.api.pubsub.exchange.BindingSpec;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A fanout exchange: every destination, whatever the key (EX1), as a list made when a binding changes. */
final class FanoutRouter implements ExchangeRouter {

    private final Set<Destination> all = new LinkedHashSet<>();
    private List<Destination> routed = List.of();

    @Override
    public void add(BindingSpec binding) {
        all.add(ExchangeRouter.destinationOf(binding));
        routed = all.stream().sorted(BY_NAME).toList();
    }

    @Override
    public void removeDestination(Destination destination) {
        all.remove(destination);
        routed = all.stream().sorted(BY_NAME).toList();
    }

    @Override
    public List<Destination> route(String routingKey, Map<String, String> headers) {
        return routed;
    }
}
