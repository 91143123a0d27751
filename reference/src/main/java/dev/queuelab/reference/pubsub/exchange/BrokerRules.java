package dev.queuelab.reference.pubsub.exchange;

import dev.queuelab.api.pubsub.exchange.XDeath;
import java.util.List;

/**
 * The decisions the broker takes from outside, so that a variant of it is this object with one method
 * overridden (the bug gallery's variants are). {@link #RABBITMQ} is RabbitMQ's answer to each.
 */
public interface BrokerRules {

    BrokerRules RABBITMQ = new BrokerRules() {};

    /** The fewest words a topic pattern's {@code #} matches: 0. */
    default int hashMinWords() {
        return 0;
    }

    /** The most words a topic pattern's {@code #} matches: any number. */
    default int hashMaxWords() {
        return Integer.MAX_VALUE;
    }

    /** basic.qos global=false: a consumer's prefetch counts its own unacked deliveries, not its channel's. */
    default boolean prefetchPerChannel() {
        return false;
    }

    /** A prefetch counts only its own channel's deliveries, never another channel's (or queue's). */
    default boolean prefetchAcrossChannels() {
        return false;
    }

    /** Extra deliveries a consumer may hold beyond its prefetch: none. */
    default int prefetchSlack() {
        return 0;
    }

    /** A requeued message goes back to its original position, not to the back. */
    default boolean requeueToBack() {
        return false;
    }

    /** The confirm speaks for every queue the message routes to, not only the first. */
    default boolean confirmFromFirstQueueOnly() {
        return false;
    }

    /** A second death in the same queue for the same reason increments that x-death entry's count. */
    default boolean incrementDeathCount() {
        return true;
    }

    /** A publish a queue refused (reject-publish) is nacked to its publisher. */
    default boolean nackRefusedPublish() {
        return true;
    }

    /**
     * A dead-letter cycle with {@code deaths} is dropped: the message died in its target before and no consumer
     * rejected it since (EX11). A rejection before that death does not save it.
     */
    default boolean dropsCycle(List<XDeath> deaths) {
        return true;
    }

    /** A message an exchange routes nowhere goes to the exchange's alternate exchange. */
    default boolean useAlternateExchange() {
        return true;
    }
}
