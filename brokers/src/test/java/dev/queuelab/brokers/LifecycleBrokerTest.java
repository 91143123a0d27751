package dev.queuelab.brokers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.SqsClient;

/** Start, readiness and stop of each broker queuelab owns, judged from outside: by its port and its folder. */
class LifecycleBrokerTest {

    @Test
    void shouldServeOnLoopbackAndFreeThePortAndFolderWhenKafkaIsClosed() throws Exception {
        String address;
        Path dir;
        java.util.Set<Path> before = dataDirs(); // another run's folder, left by a killed JVM, is not this broker's
        try (KafkaBroker kafka = KafkaBroker.start()) {
            address = kafka.bootstrapServers();
            assertThat(address).as("KR1 loopback only").startsWith("127.0.0.1:");
            try (Admin admin = kafka.admin()) {
                assertThat(admin.describeCluster().nodes().get(10, TimeUnit.SECONDS))
                        .as("KR2 ready when start returns")
                        .hasSize(1);
            }
            try (Admin admin = KafkaBroker.at(address).admin()) {
                assertThat(admin.describeCluster().clusterId().get(10, TimeUnit.SECONDS))
                        .isNotBlank();
            }
            dir = newDataDir(before);
        }
        assertThat(accepts(address)).as("KR3 stopped at close").isFalse();
        if (dir != null) {
            assertThat(Files.exists(dir)).as("KR3 data folder deleted").isFalse();
        }
    }

    @Test
    void shouldServeOnLoopbackAndStopWhenElasticMqIsClosed() {
        String address;
        try (SqsBroker sqs = SqsBroker.start();
                SqsClient client = sqs.client()) {
            address = sqs.endpoint().getHost() + ":" + sqs.endpoint().getPort();
            assertThat(address).as("EQ1 loopback only").startsWith("127.0.0.1:");
            assertThat(client.listQueues().queueUrls())
                    .as("EQ2 ready when start returns")
                    .isEmpty();
            assertThat(SqsBroker.at(sqs.endpoint().toString()).owned()).isFalse();
        }
        assertThat(accepts(address)).as("EQ3 stopped at close").isFalse();
    }

    @Test
    void shouldSayWhatIsWrongWhenNothingAnswersAtTheAddress() {
        int port = LoopbackPorts.free();
        assertThatThrownBy(() -> SqsBroker.at("http://127.0.0.1:" + port))
                .isInstanceOf(BrokerUnavailableException.class)
                .hasMessageContaining("did not answer ListQueues");
    }

    /** The Kafka data folders in the temp folder now. */
    private static java.util.Set<Path> dataDirs() throws Exception {
        try (var dirs = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return dirs.filter(p -> p.getFileName().toString().startsWith("queuelab-kafka-"))
                    .collect(java.util.stream.Collectors.toSet());
        }
    }

    /** The one folder this broker made: there now and not before it started. */
    private static Path newDataDir(java.util.Set<Path> before) throws Exception {
        java.util.Set<Path> made = new java.util.HashSet<>(dataDirs());
        made.removeAll(before);
        assertThat(made).as("the broker made one data folder of its own").hasSize(1);
        return made.iterator().next();
    }

    private static boolean accepts(String hostPort) {
        String[] hp = hostPort.split(":");
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(hp[0], Integer.parseInt(hp[1])), 500);
            return true;
        } catch (java.io.IOException e) {
            return false;
        }
    }
}
