package dev.queuelab.bench;

import org.junit.jupiter.api.Test;

/**
 * The RabbitMQ peer's trial setup starts a node that answers AMQP on loopback, one batch of the fanout workload
 * reaches both subscribers, and its teardown stops the node and deletes its folder: judged from outside (a
 * connection to the port, the temporary folder). Needs the Debian rabbitmq-server package, so it runs with
 * {@code ./mvnw verify -Pbrokers}.
 */
class BrokerPeersRabbitBrokerTest {

    @Test
    void shouldStopRabbitMqAndDeleteItsFolderWhenTheFanoutTrialEnds() throws Exception {
        BrokerPeersLifecycleTest.fanoutTrialStartsAndCleansUp("RabbitMQ", "queuelab-rabbitmq-");
    }
}
