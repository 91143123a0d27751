package dev.queuelab.api.pubsub.exchange;

import java.util.Optional;

/**
 * An exchange to declare.
 *
 * @param alternateExchange where a message goes that this exchange routes to no queue ({@code alternate-exchange})
 */
public record ExchangeSpec(String name, ExchangeType type, Optional<String> alternateExchange) {

    public static ExchangeSpec of(String name, ExchangeType type) {
        return new ExchangeSpec(name, type, Optional.empty());
    }

    @Override
    public String toString() {
        return name + "(" + type.name().toLowerCase(java.util.Locale.ROOT)
                + alternateExchange.map(a -> ", alternate " + a).orElse("") + ")";
    }
}
