package dev.queuelab.brokers;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.Protocol;

/**
 * A Redis server for a check: either Debian's {@code redis-server}, which queuelab starts as a child process on a
 * free loopback port with a folder of its own (no snapshot, no append-only file), or a user's server
 * ({@code --redis-url}), which queuelab only checks is answering.
 *
 * <p>Invariants:
 *   RB1 a server queuelab starts binds 127.0.0.1 only, and persists nothing
 *   RB2 it answers PING when {@link #start()} returns
 *   RB3 {@link #close()} shuts it down (SHUTDOWN NOSAVE, else the process is ended), deletes its folder, and never touches a server queuelab did not start
 *   RB4 without the {@code redis-server} program, {@link #start()} fails in one line saying what to install.
 *
 * <p>Thread-safety: start and close from one thread; connections may be made from any.
 */
public final class RedisBroker implements AutoCloseable {

    static final long READY_SECONDS = 10;

    /** What to run when the program is missing: the one line a user reads. */
    static final String INSTALL = "redis-server is not installed: run scripts/install-redis (Debian's redis-server,"
            + " as root), or check your own server with --redis-url redis://HOST:PORT";

    private final URI url;
    private final Process process; // null for a server queuelab did not start
    private final Path dir;
    private final Thread hook;

    private RedisBroker(URI url, Process process, Path dir) {
        this.url = url;
        this.process = process;
        this.dir = dir;
        this.hook = process == null ? null : new Thread(this::stop, "queuelab-redis-stop");
        if (hook != null) {
            Runtime.getRuntime().addShutdownHook(hook); // an interrupted check leaves no server behind
        }
    }

    /** Starts {@code redis-server} on a free loopback port, and waits until it answers PING. */
    public static RedisBroker start() {
        return start(program());
    }

    /** Starts the program given; none is {@link #INSTALL}'s one line (RB4). */
    static RedisBroker start(Optional<Path> redisServer) {
        Path program = redisServer.orElseThrow(() -> new BrokerUnavailableException(INSTALL, null));
        int port = LoopbackPorts.free();
        Path dir;
        Process process;
        try {
            dir = Files.createTempDirectory("queuelab-redis-");
            process = new ProcessBuilder(
                            program.toString(),
                            "--port",
                            Integer.toString(port),
                            "--bind",
                            "127.0.0.1",
                            "--save",
                            "",
                            "--appendonly",
                            "no",
                            "--daemonize",
                            "no",
                            "--dir",
                            dir.toString(),
                            "--logfile",
                            dir.resolve("redis.log").toString())
                    .redirectErrorStream(true)
                    .redirectOutput(dir.resolve("redis.out").toFile())
                    .start();
        } catch (IOException e) {
            throw new BrokerUnavailableException("redis-server did not start: " + SqsBroker.brief(e), e);
        }
        RedisBroker broker = new RedisBroker(URI.create("redis://127.0.0.1:" + port), process, dir);
        try {
            broker.awaitReady(READY_SECONDS);
        } catch (RuntimeException e) {
            broker.close();
            throw e;
        }
        return broker;
    }

    /** A server the user runs: redis://[user:password@]host:port[/db]; checked to answer, never stopped. */
    public static RedisBroker at(String address) {
        URI uri;
        try {
            uri = URI.create(address == null ? "" : address);
        } catch (IllegalArgumentException e) {
            uri = null;
        }
        if (uri == null
                || uri.getHost() == null
                || uri.getPort() < 0
                || !("redis".equals(uri.getScheme()) || "rediss".equals(uri.getScheme()))) {
            throw new IllegalArgumentException("--redis-url is '" + address
                    + "': give redis://HOST:PORT (or rediss://, with user:password@ and /DB when needed),"
                    + " e.g. redis://localhost:6379");
        }
        RedisBroker broker = new RedisBroker(uri, null, null);
        broker.awaitReady(0);
        return broker;
    }

    /** The {@code redis-server} program on the PATH (or in Debian's folders), if there is one. */
    static Optional<Path> program() {
        List<String> dirs =
                new ArrayList<>(List.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)));
        dirs.addAll(List.of("/usr/bin", "/usr/sbin", "/usr/local/bin"));
        return dirs.stream()
                .filter(d -> !d.isEmpty())
                .map(d -> Path.of(d, "redis-server"))
                .filter(Files::isExecutable)
                .findFirst();
    }

    public URI url() {
        return url;
    }

    public boolean owned() {
        return process != null;
    }

    /** The folder of a server queuelab started (empty for a user's). */
    Optional<Path> dir() {
        return Optional.ofNullable(dir);
    }

    /** A new connection to the server; the caller closes it. */
    public Jedis connect() {
        return new Jedis(
                url,
                DefaultJedisClientConfig.builder()
                        .connectionTimeoutMillis(5_000)
                        .socketTimeoutMillis(30_000)
                        .build());
    }

    private void awaitReady(long seconds) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        RuntimeException last;
        do {
            try (Jedis jedis = connect()) {
                Object pong = jedis.sendCommand(Protocol.Command.PING);
                if (pong instanceof byte[] b && "PONG".equals(new String(b, java.nio.charset.StandardCharsets.UTF_8))) {
                    return;
                }
                last = new IllegalStateException("PING answered " + pong);
            } catch (RuntimeException e) {
                last = e;
            }
            if (process != null && !process.isAlive()) {
                break;
            }
            pause();
        } while (System.nanoTime() < deadline);
        throw new BrokerUnavailableException(
                "the Redis server at " + url.getHost() + ":" + url.getPort() + " did not answer PING: "
                        + SqsBroker.brief(last)
                        + (process == null ? "" : " (its log: " + dir.resolve("redis.log") + ")"),
                last);
    }

    private static void pause() {
        try {
            Thread.sleep(50); // a server starting up: the wait is for a process, not for a scenario's time
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for redis-server", e);
        }
    }

    @Override
    public void close() {
        if (process == null) {
            return;
        }
        stop();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // the JVM is shutting down: the hook is running or has run
        }
    }

    private synchronized void stop() {
        if (process.isAlive()) {
            try (Jedis jedis = connect()) {
                jedis.sendCommand(Protocol.Command.SHUTDOWN, "NOSAVE");
            } catch (RuntimeException e) {
                // SHUTDOWN closes the connection without a reply; a server already gone is stopped too
            }
            try {
                if (!process.waitFor(5, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
        KafkaBroker.deleteTree(dir);
    }
}
