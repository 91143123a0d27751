package dev.queuelab.bench;

import static dev.queuelab.bench.BrokerPeersLifecycleTest.answers;
import static dev.queuelab.bench.BrokerPeersLifecycleTest.folders;
import static dev.queuelab.bench.BrokerPeersLifecycleTest.made;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import org.junit.jupiter.api.Test;

/**
 * The Redis peer's trial setup starts a redis-server that answers on loopback, and its teardown stops the
 * process and deletes its folder: judged from outside (a connection to the port, the temporary folder). Needs
 * the Debian redis-server package, so it runs with {@code ./mvnw verify -Pbrokers}.
 */
class BrokerPeersRedisBrokerTest {

    @Test
    void shouldStopRedisAndDeleteItsFolderWhenTheFanoutTrialEnds() throws Exception {
        var before = folders("queuelab-peers-redis-");
        var channels = new BrokerPeersFanoutBenchmark.Channels();
        channels.peer = "Redis";
        channels.start();
        int port = channels.port();
        var made = made("queuelab-peers-redis-", before);
        try {
            assertThat(answers(port))
                    .as("redis-server answers on 127.0.0.1:%d once set up", port)
                    .isTrue();
            assertThat(made).as("its folder").hasSize(1);
            var counters = new BrokerPeersFanoutBenchmark.Counters();
            assertThat(new BrokerPeersFanoutBenchmark().publishThenEveryoneReads(channels, counters))
                    .as("100 published, each read by both subscribers")
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
