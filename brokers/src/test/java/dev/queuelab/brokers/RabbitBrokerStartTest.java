package dev.queuelab.brokers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A node that does not start, with stand-in scripts in place of RabbitMQ's (no broker needed): the start is
 * tried once more, and each failed start keeps the log folder its error names (RQ3).
 */
class RabbitBrokerStartTest {

    @TempDir
    Path scripts;

    @Test
    void shouldTryOnceMoreAndKeepTheLogsItNamesWhenTheNodeDoesNotStart() throws IOException {
        Path starts = scripts.resolve("starts.txt");
        script(
                "rabbitmq-server",
                "echo \"the node failed on $RABBITMQ_NODE_PORT\"; echo start >> " + starts + "; exit 1");
        script("rabbitmqctl", "exit 69"); // as `rabbitmqctl wait` answers for a node that never came up

        Throwable failed = catchFailure();

        assertThat(Files.readAllLines(starts)).as("two starts").hasSize(2);
        assertThat(failed.getMessage())
                .as("one line naming both starts")
                .doesNotContain("\n")
                .contains("tried twice");
        Matcher logs = Pattern.compile("its log: (\\S+?log)\\b").matcher(failed.getMessage());
        List<Path> named = logs.results().map(m -> Path.of(m.group(1))).toList();
        assertThat(named).as("each start's log folder, named").hasSize(2).doesNotHaveDuplicates();
        try {
            for (Path log : named) {
                assertThat(Files.readString(log.resolve("server-output.txt")))
                        .as("RQ3 the folder named is kept, with what the node said")
                        .startsWith("the node failed on ");
                try (Stream<Path> rest = Files.list(log.getParent())) {
                    assertThat(rest)
                            .as("RQ3 the rest of the node's folder deleted")
                            .containsExactly(log);
                }
            }
        } finally {
            for (Path log : named) {
                delete(log.getParent());
            }
        }
    }

    private Throwable catchFailure() {
        Throwable[] caught = new Throwable[1];
        assertThatThrownBy(() -> RabbitBroker.start(scripts))
                .isInstanceOf(BrokerUnavailableException.class)
                .satisfies(e -> caught[0] = e);
        return caught[0];
    }

    private void script(String name, String body) throws IOException {
        Path p = scripts.resolve(name);
        Files.writeString(p, "#!/bin/sh\n" + body + "\n");
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    private static void delete(Path dir) throws IOException {
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
