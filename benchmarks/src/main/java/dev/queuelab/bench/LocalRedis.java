package dev.queuelab.bench;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A Debian {@code redis-server} a benchmark starts for its trial: a free port on 127.0.0.1, a folder of its own,
 * no persistence (no RDB, no AOF), stopped and its folder deleted by {@link #close()}. Its connections speak
 * RESP2 directly (one command, then its reply; a subscriber reads pushed messages), so the figures carry no
 * client library's pooling or threads. A machine without the package gets one line saying what to install.
 *
 * <p>Thread-safety: one thread per connection; start and close from one thread.
 */
final class LocalRedis implements AutoCloseable {

    private static final String BINARY = "redis-server";

    private final int port;
    private final Process process;
    private final Path dir;
    /** Stops the server if the JVM ends without a teardown (a failed fork): it is a process of its own. */
    private final Thread stopAtExit;

    private LocalRedis(int port, Process process, Path dir) {
        this.port = port;
        this.process = process;
        this.dir = dir;
        this.stopAtExit = new Thread(process::destroyForcibly, "stop redis-server on 127.0.0.1:" + port);
    }

    static LocalRedis start() throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory("queuelab-peers-redis-");
        int port;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        }
        Process process;
        try {
            process = new ProcessBuilder(
                            BINARY,
                            "--port",
                            Integer.toString(port),
                            "--bind",
                            "127.0.0.1",
                            "--save",
                            "",
                            "--appendonly",
                            "no",
                            "--dir",
                            dir.toString())
                    .redirectErrorStream(true)
                    .redirectOutput(dir.resolve("redis.log").toFile())
                    .start();
        } catch (IOException e) {
            DurableLogBenchmark.delete(dir);
            throw new IllegalStateException(
                    "redis-server is not installed: apt-get install redis-server (the Redis peers need it)", e);
        }
        LocalRedis redis = new LocalRedis(port, process, dir);
        Runtime.getRuntime().addShutdownHook(redis.stopAtExit);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (true) {
            try (Connection c = redis.connect()) {
                if ("PONG".equals(c.call("PING"))) {
                    return redis;
                }
            } catch (IOException notYet) {
                if (System.nanoTime() > deadline || !process.isAlive()) {
                    redis.close();
                    throw new IllegalStateException("redis-server on 127.0.0.1:" + port + " did not answer PING");
                }
                Thread.sleep(20);
            }
        }
    }

    int port() {
        return port;
    }

    Connection connect() throws IOException {
        return new Connection(new Socket(InetAddress.getLoopbackAddress(), port));
    }

    @Override
    public void close() {
        try {
            Runtime.getRuntime().removeShutdownHook(stopAtExit);
        } catch (IllegalStateException exiting) {
            // the JVM is ending: the hook stops the server
        }
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        DurableLogBenchmark.delete(dir);
    }

    /** One RESP2 connection. */
    static final class Connection implements AutoCloseable {
        private final Socket socket;
        private final OutputStream out;
        private final InputStream in;

        Connection(Socket socket) throws IOException {
            this.socket = socket;
            socket.setTcpNoDelay(true);
            socket.setSoTimeout(10_000); // a message that never comes fails the run instead of hanging it
            this.out = new BufferedOutputStream(socket.getOutputStream(), 8192);
            this.in = new BufferedInputStream(socket.getInputStream(), 8192);
        }

        /** Sends a command and returns its reply. */
        Object call(String... args) throws IOException {
            send(args);
            return read();
        }

        void send(String... args) throws IOException {
            out.write(('*' + Integer.toString(args.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
            for (String a : args) {
                byte[] bytes = a.getBytes(StandardCharsets.UTF_8);
                out.write(('$' + Integer.toString(bytes.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                out.write(bytes);
                out.write('\r');
                out.write('\n');
            }
            out.flush();
        }

        /** The next reply or pushed message: a String, a Long, or a List of them; an error reply throws. */
        Object read() throws IOException {
            int type = in.read();
            String line = line();
            return switch (type) {
                case '+' -> line;
                case '-' -> throw new IOException("Redis answered an error: " + line);
                case ':' -> Long.parseLong(line);
                case '$' -> bulk(Integer.parseInt(line));
                case '*' -> {
                    int n = Integer.parseInt(line);
                    List<Object> items = new ArrayList<>(n);
                    for (int i = 0; i < n; i++) {
                        items.add(read());
                    }
                    yield items;
                }
                case -1 -> throw new EOFException("Redis closed the connection");
                default -> throw new IOException("not RESP: " + (char) type + line);
            };
        }

        private String bulk(int length) throws IOException {
            if (length < 0) {
                return null;
            }
            byte[] bytes = in.readNBytes(length + 2);
            return new String(bytes, 0, length, StandardCharsets.UTF_8);
        }

        private String line() throws IOException {
            StringBuilder b = new StringBuilder(16);
            for (int c = in.read(); c != '\r'; c = in.read()) {
                if (c == -1) {
                    throw new EOFException("Redis closed the connection");
                }
                b.append((char) c);
            }
            in.read(); // '\n'
            return b.toString();
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }
}
