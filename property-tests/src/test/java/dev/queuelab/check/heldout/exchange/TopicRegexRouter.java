package dev.queuelab.check.heldout.exchange;

import dev.queuelab.api.pubsub.exchange.BindingSpec;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** TOPIC_REGEX: a topic exchange that turns each binding key into a regex, word by word. */
final class TopicRegexRouter implements ExchangeRouter {

    private final Map<BindingSpec, Pattern> bindings = new LinkedHashMap<>();

    @Override
    public void add(BindingSpec binding) {
        StringBuilder re = new StringBuilder();
        for (String w : binding.routingKey().split("\\.", -1)) {
            if (re.length() > 0) {
                re.append("\\.");
            }
            re.append(w.equals("*") ? "[^.]+" : w.equals("#") ? ".*" : Pattern.quote(w));
        }
        bindings.put(binding, Pattern.compile(re.toString()));
    }

    @Override
    public void removeDestination(Destination destination) {
        bindings.keySet().removeIf(b -> ExchangeRouter.destinationOf(b).equals(destination));
    }

    @Override
    public Set<Destination> route(String routingKey, Map<String, String> headers) {
        Set<Destination> out = new HashSet<>();
        bindings.forEach((b, p) -> {
            if (p.matcher(routingKey).matches()) {
                out.add(ExchangeRouter.destinationOf(b));
            }
        });
        return out;
    }
}
