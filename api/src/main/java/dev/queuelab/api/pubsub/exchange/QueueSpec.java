package dev.queuelab.api.pubsub.exchange;

import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * A queue to declare, with RabbitMQ's optional arguments.
 *
 * @param messageTtl           {@code x-message-ttl}
 * @param expires              {@code x-expires}: deleted after this long without a consumer
 * @param maxLength            {@code x-max-length}, in ready messages
 * @param maxLengthBytes       {@code x-max-length-bytes}, in body bytes of ready messages
 * @param deadLetterExchange   {@code x-dead-letter-exchange}
 * @param deadLetterRoutingKey {@code x-dead-letter-routing-key}; the message's own keys when empty
 * @param quorum               {@code x-queue-type=quorum}: deliveries counted, {@code deliveryLimit} applies
 * @param deliveryLimit        {@code x-delivery-limit} of a quorum queue (see {@link BrokerFacts#DEFAULT_DELIVERY_LIMIT})
 * @param singleActiveConsumer {@code x-single-active-consumer}
 */
public record QueueSpec(
        String name,
        Optional<Duration> messageTtl,
        Optional<Duration> expires,
        OptionalInt maxLength,
        OptionalLong maxLengthBytes,
        Overflow overflow,
        Optional<String> deadLetterExchange,
        Optional<String> deadLetterRoutingKey,
        boolean quorum,
        int deliveryLimit,
        boolean singleActiveConsumer) {

    /** A classic queue with no argument. */
    public static QueueSpec classic(String name) {
        return new QueueSpec(
                name,
                Optional.empty(),
                Optional.empty(),
                OptionalInt.empty(),
                OptionalLong.empty(),
                Overflow.DROP_HEAD,
                Optional.empty(),
                Optional.empty(),
                false,
                BrokerFacts.DEFAULT_DELIVERY_LIMIT,
                false);
    }

    public QueueSpec withMessageTtl(Duration ttl) {
        return new QueueSpec(
                name,
                Optional.of(ttl),
                expires,
                maxLength,
                maxLengthBytes,
                overflow,
                deadLetterExchange,
                deadLetterRoutingKey,
                quorum,
                deliveryLimit,
                singleActiveConsumer);
    }

    public QueueSpec withExpires(Duration after) {
        return new QueueSpec(
                name,
                messageTtl,
                Optional.of(after),
                maxLength,
                maxLengthBytes,
                overflow,
                deadLetterExchange,
                deadLetterRoutingKey,
                quorum,
                deliveryLimit,
                singleActiveConsumer);
    }

    public QueueSpec withMaxLength(int messages, Overflow onOverflow) {
        return new QueueSpec(
                name,
                messageTtl,
                expires,
                OptionalInt.of(messages),
                maxLengthBytes,
                onOverflow,
                deadLetterExchange,
                deadLetterRoutingKey,
                quorum,
                deliveryLimit,
                singleActiveConsumer);
    }

    public QueueSpec withMaxLengthBytes(long bytes, Overflow onOverflow) {
        return new QueueSpec(
                name,
                messageTtl,
                expires,
                maxLength,
                OptionalLong.of(bytes),
                onOverflow,
                deadLetterExchange,
                deadLetterRoutingKey,
                quorum,
                deliveryLimit,
                singleActiveConsumer);
    }

    public QueueSpec withDeadLetters(String exchange, Optional<String> routingKey) {
        return new QueueSpec(
                name,
                messageTtl,
                expires,
                maxLength,
                maxLengthBytes,
                overflow,
                Optional.of(exchange),
                routingKey,
                quorum,
                deliveryLimit,
                singleActiveConsumer);
    }

    public QueueSpec withQuorum(int limit) {
        return new QueueSpec(
                name,
                messageTtl,
                expires,
                maxLength,
                maxLengthBytes,
                overflow,
                deadLetterExchange,
                deadLetterRoutingKey,
                true,
                limit,
                singleActiveConsumer);
    }

    public QueueSpec withSingleActiveConsumer() {
        return new QueueSpec(
                name,
                messageTtl,
                expires,
                maxLength,
                maxLengthBytes,
                overflow,
                deadLetterExchange,
                deadLetterRoutingKey,
                quorum,
                deliveryLimit,
                true);
    }

    @Override
    public String toString() {
        StringBuilder s =
                new StringBuilder(name).append('(').append(quorum ? "quorum, limit " + deliveryLimit : "classic");
        messageTtl.ifPresent(t -> s.append(", ttl ").append(t.toSeconds()).append('s'));
        expires.ifPresent(t -> s.append(", expires ").append(t.toSeconds()).append('s'));
        maxLength.ifPresent(n -> s.append(", max ").append(n));
        maxLengthBytes.ifPresent(n -> s.append(", max ").append(n).append(" B"));
        if (maxLength.isPresent() || maxLengthBytes.isPresent()) {
            s.append(' ')
                    .append(overflow.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
        }
        deadLetterExchange.ifPresent(d -> s.append(", dlx ").append(d));
        deadLetterRoutingKey.ifPresent(k -> s.append(" key '").append(k).append('\''));
        return s.append(singleActiveConsumer ? ", single active consumer)" : ")")
                .toString();
    }
}
