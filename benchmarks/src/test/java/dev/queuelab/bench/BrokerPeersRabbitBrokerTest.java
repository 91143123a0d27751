package dev.queuelab.bench;

import static dev.queuelab.bench.BrokerPeersLifecycleTest.answers;
import static dev.queuelab.bench.BrokerPeersLifecycleTest.folders;
import static dev.queuelab.bench.BrokerPeersLifecycleTest.made;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
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
        var before = folders("queuelab-rabbitmq-");
        var channels = new BrokerPeersFanoutBenchmark.Channels();
        channels.peer = "RabbitMQ";
        channels.start();
        int port = channels.port();
        var made = made("queuelab-rabbitmq-", before);
        try {
            assertThat(answers(port))
                    .as("the RabbitMQ node answers AMQP on 127.0.0.1:%d once set up", port)
                    .isTrue();
            assertThat(made).as("its folder (data, logs, config)").hasSize(1);
            var counters = new BrokerPeersFanoutBenchmark.Counters();
            assertThat(new BrokerPeersFanoutBenchmark().publishThenEveryoneReads(channels, counters))
                    .as("100 published to the fanout exchange, each taken from both queues")
                    .isEqualTo(200);
        } finally {
            channels.stop();
        }
        assertThat(answers(port))
                .as("nothing answers on 127.0.0.1:%d after teardown", port)
                .isFalse();
        assertThat(made).as("its folder deleted").noneMatch(Files::exists);
    }
}
