package dev.queuelab.brokers;

import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * A RabbitMQ node for a check: either one queuelab starts from the Debian package (its own node name, its own
 * data folder, three free loopback ports: AMQP, Erlang distribution and its own epmd), or a user's broker
 * ({@code --amqp-uri}), which queuelab only checks is answering.
 *
 * <p>Invariants:
 *   RQ1 a node queuelab starts listens on 127.0.0.1 only (AMQP, distribution and epmd)
 *   RQ2 it accepts an AMQP connection when {@link #start()} returns ({@code rabbitmqctl wait}, then a connection)
 *   RQ3 {@link #close()} stops the node, ends the epmd it started and deletes its folder (a node that did not
 *       start keeps the log folder its error names); it never touches a broker queuelab did not start.
 *
 * <p>Thread-safety: start and close from one thread; connections may be opened from any.
 */
public final class RabbitBroker implements AutoCloseable {

    /** Where Debian's rabbitmq-server package puts the scripts that run a node without switching user. */
    static final Path SCRIPTS = Path.of("/usr/lib/rabbitmq/bin");

    static final String INSTALL = "RabbitMQ is not installed (no " + SCRIPTS.resolve("rabbitmq-server")
            + "): run scripts/install-rabbitmq (it runs apt-get install rabbitmq-server), or give --amqp-uri";

    private static final AtomicInteger NODES = new AtomicInteger();

    private final URI uri;
    private final Path dir; // null for a broker queuelab did not start
    private final Map<String, String> env;
    private final String node;
    private final int epmdPort;
    private final Path scripts; // rabbitmq-server and rabbitmqctl, for a node queuelab starts
    private String version; // what the server announced, once asked
    private Process process;

    private RabbitBroker(URI uri, Path dir, Map<String, String> env, String node, int epmdPort, Path scripts) {
        this.uri = uri;
        this.dir = dir;
        this.env = env;
        this.node = node;
        this.epmdPort = epmdPort;
        this.scripts = scripts;
    }

    /** Whether the Debian package is in {@code scripts}: what queuelab runs a node with. */
    static boolean installed(Path scripts) {
        return Files.isExecutable(scripts.resolve("rabbitmq-server"))
                && Files.isExecutable(scripts.resolve("rabbitmqctl"));
    }

    /** Starts a node of its own on loopback, and waits until it takes connections (6 to 15 s on 2 cores). */
    public static RabbitBroker start() {
        return start(SCRIPTS);
    }

    /**
     * The same, with the package's scripts where the caller says (a test points it at others). A node that does
     * not start is tried once more on other ports: a port picked free may be taken before the node binds it.
     */
    static RabbitBroker start(Path scripts) {
        if (!installed(scripts)) {
            throw new BrokerUnavailableException(INSTALL.replace(SCRIPTS.toString(), scripts.toString()), null);
        }
        try {
            return startOnce(scripts);
        } catch (BrokerUnavailableException first) {
            try {
                return startOnce(scripts);
            } catch (BrokerUnavailableException second) {
                throw new BrokerUnavailableException(
                        second.getMessage() + "; tried twice, the first: " + first.getMessage(), second);
            }
        }
    }

    private static RabbitBroker startOnce(Path scripts) {
        int amqp = LoopbackPorts.free();
        int dist = LoopbackPorts.free();
        int epmd = LoopbackPorts.free();
        String node = "queuelab" + ProcessHandle.current().pid() + "n" + NODES.incrementAndGet() + "@localhost";
        Path dir;
        try {
            dir = Files.createTempDirectory("queuelab-rabbitmq-");
            for (String sub : List.of("home", "mnesia", "log")) {
                Files.createDirectories(dir.resolve(sub));
            }
            Files.writeString(
                    dir.resolve("rabbitmq.conf"),
                    "listeners.tcp.default = 127.0.0.1:" + amqp + "\n"
                            + "disk_free_limit.absolute = 1MB\n"
                            + "log.console = false\n");
            Files.writeString(dir.resolve("enabled_plugins"), "[].\n");
        } catch (IOException e) {
            throw new UncheckedIOException("no temp folder for RabbitMQ", e);
        }
        Map<String, String> env = new HashMap<>();
        env.put("HOME", dir.resolve("home").toString());
        env.put("RABBITMQ_NODENAME", node);
        env.put("RABBITMQ_NODE_IP_ADDRESS", "127.0.0.1");
        env.put("RABBITMQ_NODE_PORT", Integer.toString(amqp));
        env.put("RABBITMQ_DIST_PORT", Integer.toString(dist));
        env.put("ERL_EPMD_ADDRESS", "127.0.0.1");
        env.put("ERL_EPMD_PORT", Integer.toString(epmd));
        env.put("RABBITMQ_MNESIA_BASE", dir.resolve("mnesia").toString());
        env.put("RABBITMQ_LOG_BASE", dir.resolve("log").toString());
        env.put("RABBITMQ_PID_FILE", dir.resolve("rabbit.pid").toString());
        env.put("RABBITMQ_CONFIG_FILE", dir.resolve("rabbitmq.conf").toString());
        env.put("RABBITMQ_ENABLED_PLUGINS_FILE", dir.resolve("enabled_plugins").toString());
        env.put("RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS", "-kernel inet_dist_use_interface {127,0,0,1}");
        env.put("RABBITMQ_CTL_ERL_ARGS", "-kernel inet_dist_use_interface {127,0,0,1}");
        RabbitBroker broker =
                new RabbitBroker(URI.create("amqp://guest:guest@127.0.0.1:" + amqp), dir, env, node, epmd, scripts);
        try {
            ProcessBuilder server = broker.command(
                            scripts.resolve("rabbitmq-server").toString())
                    .redirectErrorStream(true)
                    .redirectOutput(
                            dir.resolve("log").resolve("server-output.txt").toFile());
            broker.process = server.start();
            int waited = broker.ctl(
                    90, "wait", "--timeout", "60", dir.resolve("rabbit.pid").toString());
            if (waited != 0) {
                throw new BrokerUnavailableException(
                        "RabbitMQ node " + node + " did not start (rabbitmqctl wait answered " + waited + "); its log: "
                                + dir.resolve("log"),
                        null);
            }
            broker.awaitReady();
            return broker;
        } catch (IOException | RuntimeException e) {
            broker.stop(true); // RQ3, but the log stays: the message points at it
            throw e instanceof BrokerUnavailableException b
                    ? b
                    : new BrokerUnavailableException(
                            "RabbitMQ on 127.0.0.1:" + amqp + " did not start: " + SqsBroker.brief(e), e);
        }
    }

    /** A broker the user runs: amqp://user:password@host:port/vhost; checked to answer, never stopped. */
    public static RabbitBroker at(String amqpUri) {
        URI u;
        try {
            u = new URI(amqpUri == null ? "" : amqpUri);
        } catch (URISyntaxException e) {
            u = null;
        }
        if (u == null || u.getHost() == null || !("amqp".equals(u.getScheme()) || "amqps".equals(u.getScheme()))) {
            throw new IllegalArgumentException(
                    "--amqp-uri is '" + amqpUri + "': give an AMQP URI, e.g. amqp://guest:guest@localhost:5672");
        }
        RabbitBroker broker = new RabbitBroker(u, null, Map.of(), null, 0, null);
        broker.awaitReady();
        return broker;
    }

    public URI uri() {
        return uri;
    }

    /** The URI without its password: what a report prints. */
    public String address() {
        return uri.getScheme() + "://" + uri.getHost() + ":" + (uri.getPort() < 0 ? 5672 : uri.getPort())
                + (uri.getPath() == null || uri.getPath().isEmpty() ? "" : uri.getPath());
    }

    public boolean owned() {
        return dir != null;
    }

    /** The node's data folder (only for a node queuelab started). */
    Path dir() {
        return dir;
    }

    /** The port of the epmd queuelab started for its node (0 for a user's broker). */
    int epmdPort() {
        return epmdPort;
    }

    /** A new connection; the caller closes it. */
    public Connection connect() {
        ConnectionFactory factory = new ConnectionFactory();
        try {
            factory.setUri(uri);
            factory.setConnectionTimeout(5_000);
            factory.setAutomaticRecoveryEnabled(false);
            return factory.newConnection("queuelab");
        } catch (Exception e) {
            throw new BrokerUnavailableException(
                    "the RabbitMQ broker at " + address() + " did not take a connection: " + SqsBroker.brief(e), e);
        }
    }

    /**
     * The version the server announces when a connection opens ({@code version} in its server properties, "3.10.8"),
     * or "" when it names none; asked once, on the first call.
     */
    public synchronized String version() {
        if (version != null) {
            return version;
        }
        try (Connection c = connect()) {
            Object v = c.getServerProperties().get("version");
            version = v == null ? "" : v.toString();
            return version;
        } catch (IOException e) {
            throw new BrokerUnavailableException(
                    "the RabbitMQ broker at " + address() + " did not close a connection: " + SqsBroker.brief(e), e);
        }
    }

    private void awaitReady() {
        try (Connection c = connect()) {
            c.createChannel().close();
        } catch (IOException | java.util.concurrent.TimeoutException e) {
            throw new BrokerUnavailableException(
                    "the RabbitMQ broker at " + address() + " did not open a channel: " + SqsBroker.brief(e), e);
        }
    }

    private ProcessBuilder command(String... args) {
        ProcessBuilder b = new ProcessBuilder(args);
        b.environment().putAll(env);
        b.directory(dir.toFile());
        return b;
    }

    /** Runs rabbitmqctl against this node; answers its exit status (-1 when it did not end in time). */
    private int ctl(int seconds, String... args) {
        List<String> command =
                new ArrayList<>(List.of(scripts.resolve("rabbitmqctl").toString(), "-q", "-n", node));
        command.addAll(List.of(args));
        try {
            Process p = command(command.toArray(String[]::new))
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(
                            dir.resolve("log").resolve("rabbitmqctl-output.txt").toFile()))
                    .start();
            if (!p.waitFor(seconds, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return -1;
            }
            return p.exitValue();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    /** Stops the node, ends its epmd and deletes its folder; a user's broker is left as it was. */
    @Override
    public void close() {
        stop(false);
    }

    /** RQ3; a node that did not start keeps its {@code log} folder ({@code keepLog}), for the user to read. */
    private void stop(boolean keepLog) {
        if (dir == null) {
            return;
        }
        try {
            if (process != null && process.isAlive()) {
                ctl(60, "stop", dir.resolve("rabbit.pid").toString());
                if (!process.waitFor(30, TimeUnit.SECONDS)) {
                    process.descendants().forEach(ProcessHandle::destroyForcibly);
                    process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                }
            }
            endEpmd();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            delete(dir, keepLog ? dir.resolve("log") : null);
        }
    }

    /** The epmd the node started (a daemon of its own, on this node's port): ended by its pid. */
    private void endEpmd() {
        String mine = "ERL_EPMD_PORT=" + epmdPort;
        ProcessHandle.allProcesses()
                .filter(p -> p.info().command().map(c -> c.endsWith("/epmd")).orElse(false))
                .filter(p -> environ(p).contains(mine))
                .forEach(p -> {
                    p.destroy();
                    try {
                        p.onExit().get(5, TimeUnit.SECONDS);
                    } catch (Exception e) {
                        p.destroyForcibly();
                    }
                });
    }

    private static List<String> environ(ProcessHandle p) {
        try {
            String raw = Files.readString(Path.of("/proc", Long.toString(p.pid()), "environ"));
            return List.of(raw.split("\u0000"));
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
    }

    /** Deletes {@code dir} and all in it, but {@code kept} (a folder inside it, or null) and what that holds. */
    private static void delete(Path dir, Path kept) {
        try (Stream<Path> all = Files.walk(dir)) {
            all.sorted(Comparator.reverseOrder())
                    .filter(p -> kept == null || !kept.startsWith(p) && !p.startsWith(kept))
                    .forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a folder already gone leaves nothing to clean
        }
    }
}
