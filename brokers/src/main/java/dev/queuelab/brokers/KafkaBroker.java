package dev.queuelab.brokers;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;

/**
 * An Apache Kafka broker for a check: either one queuelab starts inside this JVM (KRaft, one node that is both
 * broker and controller, on two ephemeral loopback ports, with a data folder of its own deleted at the end), or
 * a user's own cluster at an address ({@code --bootstrap-servers}), which queuelab only checks is answering.
 *
 * <p>Invariants:
 *   KR1 a broker queuelab starts binds 127.0.0.1 only
 *   KR2 it is ready (its metadata answers) when {@link #start()} returns
 *   KR3 {@link #close()} stops it and deletes its data folder, and never touches a cluster queuelab did not start.
 *
 * <p>Thread-safety: start and close from one thread; the address may be read from any.
 */
public final class KafkaBroker implements AutoCloseable {

    /** How long a broker has to answer its metadata before it counts as unavailable. */
    static final long READY_SECONDS = 60;

    /** How often a broker queuelab starts looks for transactions open past their timeout (Kafka's default: 10 s). */
    static final int TIMEOUT_SWEEP_MS = 100;

    private final String bootstrapServers;
    private final KafkaRaftServer server; // null for a cluster queuelab did not start
    private final Path dataDir;

    private KafkaBroker(String bootstrapServers, KafkaRaftServer server, Path dataDir) {
        this.bootstrapServers = bootstrapServers;
        this.server = server;
        this.dataDir = dataDir;
    }

    /** Starts a one-node KRaft broker in this JVM on loopback, and waits until it answers. */
    public static KafkaBroker start() {
        Path dir;
        try {
            dir = Files.createTempDirectory("queuelab-kafka-");
        } catch (IOException e) {
            throw new BrokerUnavailableException("Kafka: cannot make a data folder: " + e.getMessage(), e);
        }
        int brokerPort = LoopbackPorts.free();
        int controllerPort = LoopbackPorts.free();
        Properties props = serverProperties(dir, brokerPort, controllerPort);
        KafkaRaftServer server = null;
        try {
            Path config = dir.resolve("server.properties");
            try (var out = Files.newOutputStream(config)) {
                props.store(out, "queuelab's one-node KRaft broker");
            }
            int formatted = StorageTool.execute(
                    new String[] {"format", "-t", Uuid.randomUuid().toString(), "-c", config.toString()},
                    new PrintStream(OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8));
            if (formatted != 0) {
                throw new IllegalStateException("formatting its storage answered " + formatted);
            }
            server = new KafkaRaftServer(KafkaConfig.fromProps(props, false), Time.SYSTEM);
            server.startup();
            KafkaBroker broker = new KafkaBroker("127.0.0.1:" + brokerPort, server, dir);
            broker.awaitReady();
            return broker;
        } catch (IOException | RuntimeException e) {
            if (server != null) {
                server.shutdown();
                server.awaitShutdown();
            }
            deleteTree(dir);
            throw e instanceof BrokerUnavailableException b
                    ? b
                    : new BrokerUnavailableException(
                            "Kafka: the broker on 127.0.0.1:" + brokerPort + " did not start: " + SqsBroker.brief(e),
                            e);
        }
    }

    /** A cluster the user runs, at {@code host:port[,host:port...]}; checked to answer, never stopped. */
    public static KafkaBroker at(String bootstrapServers) {
        if (bootstrapServers == null || !bootstrapServers.matches("[^,:\\s]+:\\d+(,[^,:\\s]+:\\d+)*")) {
            throw new IllegalArgumentException("--bootstrap-servers is '" + bootstrapServers
                    + "': give host:port, or several separated by commas (e.g. localhost:9092)");
        }
        KafkaBroker broker = new KafkaBroker(bootstrapServers, null, null);
        broker.awaitReady();
        return broker;
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    /** True when queuelab started this broker (and so may create and delete what it likes on it). */
    public boolean owned() {
        return server != null;
    }

    /** An admin client for this broker; the caller closes it. */
    public Admin admin() {
        return Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 20_000));
    }

    private void awaitReady() {
        try (Admin admin = admin()) {
            admin.describeCluster().nodes().get(READY_SECONDS, TimeUnit.SECONDS);
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            throw new BrokerUnavailableException(
                    "Kafka at " + bootstrapServers + " did not answer its metadata within " + READY_SECONDS + " s: "
                            + SqsBroker.brief(e),
                    e);
        }
    }

    @Override
    public void close() {
        if (server == null) {
            return;
        }
        server.shutdown();
        server.awaitShutdown();
        deleteTree(dataDir);
    }

    private static Properties serverProperties(Path dir, int brokerPort, int controllerPort) {
        Properties p = new Properties();
        p.put("process.roles", "broker,controller");
        p.put("node.id", "1");
        p.put("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
        p.put("listeners", "PLAINTEXT://127.0.0.1:" + brokerPort + ",CONTROLLER://127.0.0.1:" + controllerPort);
        p.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + brokerPort);
        p.put("controller.listener.names", "CONTROLLER");
        p.put("inter.broker.listener.name", "PLAINTEXT");
        p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.put("log.dirs", dir.resolve("data").toString());
        p.put("num.partitions", "1");
        p.put("offsets.topic.replication.factor", "1");
        p.put("offsets.topic.num.partitions", "3");
        p.put("transaction.state.log.replication.factor", "1");
        p.put("transaction.state.log.min.isr", "1");
        p.put("transaction.state.log.num.partitions", "3");
        p.put("share.coordinator.state.topic.replication.factor", "1");
        p.put("share.coordinator.state.topic.min.isr", "1");
        p.put("group.initial.rebalance.delay.ms", "0");
        p.put("group.min.session.timeout.ms", "1000"); // a classic group's member may ask for 1 s, scaled to a test
        p.put("auto.create.topics.enable", "false");
        // a transaction open past its timeout is aborted within 100 ms, not at the next 10 s sweep, so that a check
        // scaled to seconds sees the coordinator's abort on the side of the deadline the scale put it (L15)
        p.put("transaction.abort.timed.out.transaction.cleanup.interval.ms", String.valueOf(TIMEOUT_SWEEP_MS));
        return p;
    }

    static void deleteTree(Path dir) {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + dir, e);
        }
    }
}
