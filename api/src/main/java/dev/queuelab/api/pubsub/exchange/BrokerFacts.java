package dev.queuelab.api.pubsub.exchange;

/**
 * RabbitMQ's numbers the broker's contract uses, each with its source and the day it was checked (the
 * decision guide's registry, decision-guide/src/main/resources/facts.yaml, holds the same fact as
 * {@code rabbitmq.delivery-limit}).
 */
public final class BrokerFacts {

    private BrokerFacts() {}

    /**
     * A quorum queue's delivery limit when none is declared: 20 since RabbitMQ 4.0. Source:
     * https://www.rabbitmq.com/docs/quorum-queues#poison-message-handling, checked 2026-12-05.
     */
    public static final int DEFAULT_DELIVERY_LIMIT = 20;
}
