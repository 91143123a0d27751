package dev.queuelab.reference.pubsub.exchange;

import dev.queuelab.api.pubsub.exchange.BindingSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A headers exchange: each binding's arguments against the message's headers (EX1). {@code x-match=all}
 * (the default) needs every argument to match, {@code any} one; both ignore arguments whose name starts with
 * {@code x-}, which {@code all-with-x} and {@code any-with-x} include. An argument matches a header of equal
 * value. Real world: rabbit_exchange_type_headers; RabbitMQ also matches an argument of no value (void) on the
 * header's presence alone, which string-valued arguments here cannot say.
 */
final class HeadersRouter implements ExchangeRouter {

    private final List<BindingSpec> bindings = new ArrayList<>();

    @Override
    public void add(BindingSpec binding) {
        bindings.add(binding);
    }

    @Override
    public void removeDestination(Destination destination) {
        bindings.removeIf(b -> ExchangeRouter.destinationOf(b).equals(destination));
    }

    @Override
    public List<Destination> route(String routingKey, Map<String, String> headers) {
        List<Destination> out = new ArrayList<>();
        for (BindingSpec b : bindings) {
            Destination d = ExchangeRouter.destinationOf(b);
            if (matches(b.arguments(), headers) && !out.contains(d)) {
                out.add(d);
            }
        }
        out.sort(BY_NAME);
        return out;
    }

    static boolean matches(Map<String, String> arguments, Map<String, String> headers) {
        String mode = arguments.getOrDefault("x-match", "all");
        boolean withX = mode.endsWith("-with-x");
        boolean any = mode.startsWith("any");
        int considered = 0;
        int matched = 0;
        for (Map.Entry<String, String> a : arguments.entrySet()) {
            if (a.getKey().equals("x-match") || (!withX && a.getKey().startsWith("x-"))) {
                continue;
            }
            considered++;
            if (a.getValue().equals(headers.get(a.getKey()))) {
                matched++;
            }
        }
        return any ? matched > 0 : matched == considered;
    }
}
