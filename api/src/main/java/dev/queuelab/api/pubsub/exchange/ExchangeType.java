package dev.queuelab.api.pubsub.exchange;

/** How an exchange matches a routing key or headers against its bindings. */
public enum ExchangeType {
    /** The routing key equals the binding key. */
    DIRECT,
    /** Every binding, whatever the key. */
    FANOUT,
    /** Dot-separated words against a pattern: {@code *} one word, {@code #} zero or more words. */
    TOPIC,
    /** Headers against the binding's arguments, by {@code x-match} all, any, all-with-x or any-with-x. */
    HEADERS
}
