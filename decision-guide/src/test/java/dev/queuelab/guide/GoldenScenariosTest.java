package dev.queuelab.guide;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.opentest4j.TestAbortedException;

/**
 * Canonical scenarios, each rendered as Markdown and JSON and compared with its golden file. After a
 * deliberate change, {@code -Dqueuelab.updateGolden=true} rewrites the golden files; review the diff.
 */
class GoldenScenariosTest {

    static final Path SCENARIOS = Path.of("src/test/resources/scenarios");
    static final Path GOLDEN = Path.of("src/test/resources/golden");
    static final LocalDate DATE = LocalDate.of(2026, 11, 27);

    static Stream<String> scenarios() throws IOException {
        try (Stream<Path> files = Files.list(SCENARIOS)) {
            return files.map(p -> p.getFileName().toString().replace(".yaml", "")).sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void shouldRenderTheGoldenDocumentsWhenGivenACanonicalScenario(String name) throws IOException {
        Answers answers = AnswersReader.read(SCENARIOS.resolve(name + ".yaml"));
        Recommendation r = RuleEngine.recommend(answers);
        String markdown = Documents.markdown(answers, r, DATE);
        String json = Documents.json(r);
        if (Boolean.getBoolean("queuelab.updateGolden")) {
            write(GOLDEN.resolve(name + ".md"), markdown);
            write(GOLDEN.resolve(name + ".json"), json);
            // what was just written proves nothing about itself: the next run, without the flag, checks it
            throw new TestAbortedException("rewrote the golden files of " + name
                    + "; run again without -Dqueuelab.updateGolden to check them");
        }
        compare(GOLDEN.resolve(name + ".md"), markdown);
        compare(GOLDEN.resolve(name + ".json"), json);
    }

    private static void write(Path golden, String actual) throws IOException {
        Files.createDirectories(golden.getParent());
        Files.writeString(golden, actual);
    }

    private static void compare(Path golden, String actual) throws IOException {
        assertThat(golden)
                .as("golden file %s (create it with -Dqueuelab.updateGolden=true)", golden)
                .exists();
        assertThat(actual)
                .as("%s differs; if the change is meant, rerun with -Dqueuelab.updateGolden=true", golden)
                .isEqualTo(Files.readString(golden));
    }
}
