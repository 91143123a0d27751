package dev.queuelab.api.pubsub.exchange;

import java.util.Map;

/**
 * A binding from an exchange to a queue, or to another exchange ({@code toExchange}).
 *
 * @param routingKey the binding key (a pattern on a topic exchange; unused by fanout and headers)
 * @param arguments  a headers exchange's match: {@code x-match} and the header values to match
 */
public record BindingSpec(
        String source, String destination, boolean toExchange, String routingKey, Map<String, String> arguments) {

    public BindingSpec {
        arguments = Map.copyOf(arguments);
    }

    public static BindingSpec queue(String source, String queue, String routingKey) {
        return new BindingSpec(source, queue, false, routingKey, Map.of());
    }

    @Override
    public String toString() {
        return source + "->" + (toExchange ? "exchange " : "") + destination
                + (arguments.isEmpty() ? "['" + routingKey + "']" : new java.util.TreeMap<>(arguments).toString());
    }
}
