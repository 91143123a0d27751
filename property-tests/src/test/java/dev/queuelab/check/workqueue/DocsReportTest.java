package dev.queuelab.check.workqueue;

import static org.assertj.core.api.Assertions.assertThat;

import dev.queuelab.check.Property;
import dev.queuelab.check.ReplayCommand;
import dev.queuelab.check.Settings;
import dev.queuelab.check.TopologyChecks;
import dev.queuelab.check.implementations.Implementations;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.opentest4j.TestAbortedException;

/**
 * The reports quoted in the docs are the engine's real output: each block between
 * {@code <!-- report: IMPL PROPERTY -->} and {@code <!-- /report -->} is regenerated and compared.
 * After a deliberate change to the reports, {@code -Dqueuelab.updateDocs=true} writes them back.
 */
class DocsReportTest {

    private static final Pattern BLOCK =
            Pattern.compile("<!-- report: (\\S+) (\\S+) -->\\n```text\\n(.*?)```\\n<!-- /report -->", Pattern.DOTALL);

    @Test
    void shouldQuoteTheEnginesOwnReportWhenTheWorkQueueDocShowsAFailure() throws IOException {
        quote(Path.of("..", "docs", "work-queue.md"));
    }

    @Test
    void shouldQuoteTheEnginesOwnReportWhenTheLogDocShowsAFailure() throws IOException {
        quote(Path.of("..", "docs", "partitioned-log.md"));
    }

    /** The report of one implementation and property, whichever topology the implementation belongs to. */
    private static String report(String impl, String property) {
        Settings defaults = new Settings(Settings.DEFAULT_TRIALS, OptionalLong.empty(), impl);
        TopologyChecks<?, ?, ?, ?, ?> topology = Implementations.TOPOLOGIES.stream()
                .filter(t -> t.implementations().find(impl).isPresent())
                .findFirst()
                .orElseThrow();
        Property<?, ?, ?> p = topology.binding().property(property).orElseThrow();
        return topology.check(p, impl, ReplayCommand.MAVEN, defaults).report();
    }

    private static void quote(Path doc) throws IOException {
        String text = Files.readString(doc, StandardCharsets.UTF_8);
        Matcher m = BLOCK.matcher(text);
        StringBuilder updated = new StringBuilder();
        int blocks = 0;
        while (m.find()) {
            blocks++;
            String impl = m.group(1);
            String report = report(impl, m.group(2));
            if (Boolean.getBoolean("queuelab.updateDocs")) {
                m.appendReplacement(
                        updated,
                        Matcher.quoteReplacement("<!-- report: " + impl + " " + m.group(2) + " -->\n```text\n" + report
                                + "```\n<!-- /report -->"));
            } else {
                assertThat(m.group(3))
                        .as("%s quotes an old report of %s; run ./mvnw -q verify -Dqueuelab.updateDocs=true", doc, impl)
                        .isEqualTo(report);
            }
        }
        assertThat(blocks).as("report blocks in %s", doc).isPositive();
        if (Boolean.getBoolean("queuelab.updateDocs")) {
            m.appendTail(updated);
            Files.writeString(doc, updated.toString(), StandardCharsets.UTF_8);
            // what was just written proves nothing about itself: the next run, without the flag, checks it
            throw new TestAbortedException(
                    "rewrote the reports quoted in " + doc + "; run again without -Dqueuelab.updateDocs to check them");
        }
    }
}
