package dev.queuelab.check;

import static org.assertj.core.api.Assertions.assertThat;

import dev.queuelab.check.implementations.Implementations;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The commands the comparison page prints run what they say: every {@code -Dtest='Class#method'} names a test
 * method that exists, and every {@code -Dqueuelab.impl=...} an implementation the registries know. Tests and
 * gallery variants renamed without the page would otherwise leave it pointing at nothing.
 */
class DocsCommandsTest {

    private static final Path ROOT = Path.of("..");
    private static final Pattern TEST = Pattern.compile("-Dtest='(\\w+)#(\\w+)'");
    private static final Pattern NAMED = Pattern.compile("`(\\w+Test)#(\\w+)`");
    private static final Pattern IMPL = Pattern.compile("-Dqueuelab\\.impl=([\\w.-]+)");

    @Test
    void shouldNameOnlyTestsAndImplementationsThatExistWhenTheComparisonPrintsACommand() throws IOException {
        String page = Files.readString(ROOT.resolve("docs/kafka-vs-sqs.md"));
        List<String> missing = new ArrayList<>();
        int named = 0;
        for (Pattern p : List.of(TEST, NAMED)) {
            Matcher m = p.matcher(page);
            while (m.find()) {
                named++;
                if (!testMethodExists(m.group(1), m.group(2))) {
                    missing.add(m.group(1) + "#" + m.group(2));
                }
            }
        }
        Matcher impl = IMPL.matcher(page);
        while (impl.find()) {
            named++;
            if (!Implementations.isWorkQueue(impl.group(1)) && !Implementations.isLog(impl.group(1))) {
                missing.add("queuelab.impl=" + impl.group(1));
            }
        }
        assertThat(named).as("the page names tests and implementations").isGreaterThan(10);
        assertThat(missing).as("docs/kafka-vs-sqs.md names what does not exist").isEmpty();
    }

    private static boolean testMethodExists(String className, String method) throws IOException {
        try (Stream<Path> files = Files.walk(ROOT)) {
            return files.filter(f -> f.getFileName().toString().equals(className + ".java")
                            && f.toString().contains("src/test"))
                    .anyMatch(f -> read(f).contains("void " + method + "("));
        }
    }

    private static String read(Path f) {
        try {
            return Files.readString(f);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + f, e);
        }
    }
}
