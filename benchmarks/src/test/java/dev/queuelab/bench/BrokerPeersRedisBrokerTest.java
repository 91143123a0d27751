package dev.queuelab.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The Redis peer's trial setup starts a redis-server that answers on loopback, and its teardown stops the
 * process and deletes its folder: judged from outside (a connection to the port, the temporary folder). Needs
 * the Debian redis-server package, so it runs with {@code ./mvnw verify -Pbrokers}.
 */
class BrokerPeersRedisBrokerTest {

    @Test
    void shouldStopRedisAndDeleteItsFolderWhenTheFanoutTrialEnds() throws Exception {
        long folders = folders();
        var channels = new BrokerPeersFanoutBenchmark.Channels();
        channels.peer = "Redis";
        channels.start();
        int port = channels.port();
        try {
            assertThat(answers(port))
                    .as("redis-server answers on 127.0.0.1:%d once set up", port)
                    .isTrue();
            assertThat(folders()).as("its folder").isEqualTo(folders + 1);
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
        assertThat(folders()).as("its folder deleted").isEqualTo(folders);
    }

    private static boolean answers(int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 2_000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static long folders() throws IOException {
        try (Stream<Path> all = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return all.filter(p -> p.getFileName().toString().startsWith("queuelab-peers-redis-"))
                    .count();
        }
    }
}
