package dev.queuelab.check.heldout.exchange;

import dev.queuelab.api.pubsub.exchange.BindingSpec;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A headers exchange: each binding's arguments against the message's headers (EX1). {@code x-match=all}
 * (the default) needs every argument to match, {@code any} one; both ignore arguments whose name starts with
 * {@code x-}, which {@code all-with-x} and {@code any-with-x} include. An argument matches a header of equal
 * value. Real world: rabbit_exchange_type_headers; RabbitMQ also matches an argument of no value (void) on the
 * header's presence alone, which string-valued arguments here cannot say.
 */
final class HeadersRouter implements ExchangeRouter {

    private final List<BindingSpec> bindings = new ArrayList<>();
    private final Slip slip;

    HeadersRouter(Slip slip) {
        this.slip = slip;
    }

    @Override
    public void add(BindingSpec binding) {
        bindings.add(binding);
    }

    @Override
    public void removeDestination(Destination destination) {
        bindings.removeIf(b -> ExchangeRouter.destinationOf(b).equals(destination));
    }

    @Override
    public Set<Destination> route(String routingKey, Map<String, String> headers) {
        Set<Destination> out = new HashSet<>();
        for (BindingSpec b : bindings) {
            if (matches(b.arguments(), headers, slip)) {
                out.add(ExchangeRouter.destinationOf(b));
            }
        }
        return out;
    }

    static boolean matches(Map<String, String> arguments, Map<String, String> headers, Slip slip) {
        String mode = arguments.getOrDefault("x-match", slip == Slip.HEADERS_DEFAULT_ANY ? "any" : "all");
        boolean withX = slip != Slip.HEADERS_ALL_ANY_ONLY && mode.endsWith("-with-x");
        boolean any = slip == Slip.HEADERS_ALL_ANY_ONLY ? mode.equals("any") : mode.startsWith("any");
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
