package dev.queuelab.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.Socket;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/** The server starts on loopback, answers SQL with row locks, and leaves nothing behind once closed. */
class PostgresServerTest {

    @Test
    void startsAnswersAndCleansUp() throws Exception {
        PostgresServer server = PostgresServer.start();
        int port = server.port();
        try (Connection c = server.connect();
                Statement s = c.createStatement()) {
            s.execute("CREATE TABLE t (id int PRIMARY KEY)");
            s.execute("INSERT INTO t VALUES (1), (2)");
            try (ResultSet r = s.executeQuery("SELECT id FROM t ORDER BY id LIMIT 1 FOR UPDATE SKIP LOCKED")) {
                assertThat(r.next()).isTrue();
                assertThat(r.getInt(1)).isEqualTo(1);
            }
            try (ResultSet r = s.executeQuery("SHOW listen_addresses")) {
                r.next();
                assertThat(r.getString(1)).isIn("127.0.0.1", "localhost");
            }
        } finally {
            server.close();
        }
        assertThatThrownBy(() -> new Socket(InetAddress.getLoopbackAddress(), port).close())
                .as("nothing listens on %d once closed", port)
                .isInstanceOf(java.io.IOException.class);
    }
}
