package dev.queuelab.check.heldout.exchange;

import dev.queuelab.api.pubsub.exchange.BindingSpec;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/** A fanout exchange: every destination, whatever the key (EX1). */
final class FanoutRouter implements ExchangeRouter {

    private final Set<Destination> all = new LinkedHashSet<>();

    @Override
    public void add(BindingSpec binding) {
        all.add(ExchangeRouter.destinationOf(binding));
    }

    @Override
    public void removeDestination(Destination destination) {
        all.remove(destination);
    }

    @Override
    public Set<Destination> route(String routingKey, Map<String, String> headers) {
        return Set.copyOf(all);
    }
}
