package dev.queuelab.reference.log;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The boundaries the log's code keeps, read from its source: the api needs nothing but the JDK and the shared
 * api package (so it can move to a module of its own), and the reference reads time only from its clock.
 */
class LogBoundaryTest {

    private static final Path MAIN = Path.of("src/main/java/dev/queuelab");
    private static final Pattern IMPORT = Pattern.compile("^import (static )?([\\w.]+)", Pattern.MULTILINE);

    private static List<Path> sources(String pkg) throws IOException {
        try (Stream<Path> files = Files.list(MAIN.resolve(pkg))) {
            return files.filter(f -> f.toString().endsWith(".java")).sorted().toList();
        }
    }

    @Test
    void shouldImportOnlyTheJdkAndTheSharedApiWhenInTheLogsApi() throws IOException {
        List<Path> api = sources("api/log");
        assertThat(api).as("the log's api is where this test looks for it").isNotEmpty();
        for (Path file : api) {
            String source = Files.readString(file);
            Matcher m = IMPORT.matcher(source);
            while (m.find()) {
                assertThat(m.group(2)).as("%s imports %s: the api may use java.* and dev.queuelab.api only", file, m.group(2))
                        .matches("java\\..*|dev\\.queuelab\\.api\\.[A-Z]\\w*|dev\\.queuelab\\.api\\.log\\..*");
            }
            assertThat(source).as("%s names the reference: the api must not know it", file).doesNotContain("dev.queuelab.reference");
        }
    }

    @Test
    void shouldReadTimeOnlyFromTheClockWhenInTheReference() throws IOException {
        for (Path file : sources("reference/log")) {
            assertThat(Files.readString(file)).as("%s: no wall clock, no sleeps, no timers; time comes from the InstantSource", file)
                    .doesNotContain("Instant.now(", "System.currentTimeMillis", "System.nanoTime", "Clock.system",
                            "Thread.sleep", "new Timer", "ScheduledExecutor");
        }
    }
}
