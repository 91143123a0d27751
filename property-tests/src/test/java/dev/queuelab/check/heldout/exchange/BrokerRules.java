package dev.queuelab.check.heldout.exchange;

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

    /** A message an exchange routes nowhere goes to the exchange's alternate exchange. */
    default boolean useAlternateExchange() {
        return true;
    }
}
