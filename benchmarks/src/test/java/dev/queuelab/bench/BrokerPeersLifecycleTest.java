package dev.queuelab.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The real-broker peers' trial setup starts a server that answers on loopback, and their teardown stops it and
 * leaves no data folder behind: judged from outside, by connecting to the port and listing the temporary
 * folder, never by asking the benchmark. Kafka and ElasticMQ run inside this JVM, so a JDK is all it needs.
 */
class BrokerPeersLifecycleTest {

    @Test
    void shouldStopElasticMqWhenTheQueueTrialEnds() {
        var queues = new BrokerPeersQueueBenchmark.Queues();
        queues.peer = "ElasticMQ";
        queues.start();
        int port = queues.port();
        try {
            assertThat(answers(port))
                    .as("ElasticMQ answers on 127.0.0.1:%d once set up", port)
                    .isTrue();
            assertThat(new BrokerPeersQueueBenchmark().batch10(queues))
                    .as("a batch goes round")
                    .isEqualTo(10);
        } finally {
            queues.stop();
        }
        assertThat(answers(port))
                .as("nothing answers on 127.0.0.1:%d after teardown", port)
                .isFalse();
    }

    @Test
    void shouldStopKafkaAndDeleteItsDataWhenTheAppendTrialEnds() throws Exception {
        Set<Path> before = folders("queuelab-kafka-");
        var appends = new BrokerPeersLogBenchmark.Appends();
        appends.peer = "Kafka-acksAll-flush1";
        appends.start();
        int port = appends.servers.port();
        Set<Path> made = made("queuelab-kafka-", before);
        try {
            assertThat(answers(port))
                    .as("Kafka answers on 127.0.0.1:%d once set up", port)
                    .isTrue();
            assertThat(made).as("its data folder").isNotEmpty();
            var counters = new BrokerPeersLogBenchmark.Counters();
            var bench = new BrokerPeersLogBenchmark();
            for (int i = 0; i < 100; i++) {
                bench.append(appends, counters);
            }
        } finally {
            appends.stop();
        }
        assertThat(appends.inFlight)
                .as("every send acknowledged before the producer closed")
                .isEmpty();
        assertThat(answers(port))
                .as("nothing answers on 127.0.0.1:%d after teardown", port)
                .isFalse();
        assertThat(made).as("Kafka's data folder deleted").noneMatch(Files::exists);
    }

    @Test
    void shouldStopKafkaWhenTheTailTrialEndsAfterReadingRoundTheEnd() throws Exception {
        Set<Path> before = folders("queuelab-kafka-");
        var tails = new BrokerPeersLogBenchmark.Tails();
        tails.peer = "Kafka";
        tails.start();
        int port = tails.servers.port();
        Set<Path> made = made("queuelab-kafka-", before);
        try {
            var bench = new BrokerPeersLogBenchmark();
            long read = 0;
            for (int i = 0; i < BrokerPeersLogBenchmark.PREFILLED / BrokerPeersLogBenchmark.READ + 2; i++) {
                read += bench.tail(tails);
            }
            assertThat(read)
                    .as("every record read once, then the first 1,000 again from offset 0")
                    .isEqualTo((BrokerPeersLogBenchmark.PREFILLED + 2L * BrokerPeersLogBenchmark.READ)
                            * BrokerPeersLogBenchmark.RECORD);
        } finally {
            tails.stop();
        }
        assertThat(answers(port))
                .as("nothing answers on 127.0.0.1:%d after teardown", port)
                .isFalse();
        assertThat(made).as("Kafka's data folder deleted").noneMatch(Files::exists);
    }

    @Test
    void shouldDeleteTheReferenceLogsFolderWhenTheTrialEnds() throws Exception {
        Set<Path> before = folders("queuelab-peers-log-");
        var appends = new BrokerPeersLogBenchmark.Appends();
        appends.peer = "reference-disk-force";
        appends.start();
        Set<Path> made = made("queuelab-peers-log-", before);
        try {
            assertThat(made).as("the log's folder").hasSize(1);
            new BrokerPeersLogBenchmark().append(appends, new BrokerPeersLogBenchmark.Counters());
        } finally {
            appends.stop();
        }
        assertThat(made).as("deleted after teardown").noneMatch(Files::exists);
    }

    /**
     * A fanout peer's trial, judged from outside: its setup starts a server that answers on loopback in a folder
     * of its own, one batch reaches both subscribers, and its teardown leaves nothing answering and no folder.
     */
    static void fanoutTrialStartsAndCleansUp(String peer, String folderPrefix) throws Exception {
        Set<Path> before = folders(folderPrefix);
        var channels = new BrokerPeersFanoutBenchmark.Channels();
        channels.peer = peer;
        channels.start();
        int port = channels.port();
        Set<Path> made = made(folderPrefix, before);
        try {
            assertThat(answers(port))
                    .as("%s answers on 127.0.0.1:%d once set up", peer, port)
                    .isTrue();
            assertThat(made).as("its folder").hasSize(1);
            var counters = new BrokerPeersFanoutBenchmark.Counters();
            assertThat(new BrokerPeersFanoutBenchmark().publishThenEveryoneReads(channels, counters))
                    .as("100 published, each taken by both subscribers")
                    .isEqualTo(200);
        } finally {
            channels.stop();
        }
        assertThat(answers(port))
                .as("nothing answers on 127.0.0.1:%d after teardown", port)
                .isFalse();
        assertThat(made).as("its folder deleted").noneMatch(Files::exists);
    }

    static boolean answers(int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 2_000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** The folders named {@code prefix...} in the temporary folder now. */
    static Set<Path> folders(String prefix) throws IOException {
        try (Stream<Path> all = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return all.filter(p -> p.getFileName().toString().startsWith(prefix))
                    .collect(Collectors.toSet());
        }
    }

    /** The folders named {@code prefix...} that appeared since {@code before} (others may run beside us). */
    static Set<Path> made(String prefix, Set<Path> before) throws IOException {
        Set<Path> now = new HashSet<>(folders(prefix));
        now.removeAll(before);
        return now;
    }
}
