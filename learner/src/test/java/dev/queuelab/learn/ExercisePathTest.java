package dev.queuelab.learn;

import static org.assertj.core.api.Assertions.assertThat;

import dev.queuelab.check.CheckResult;
import dev.queuelab.check.Settings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The maintainers' proof that the path works, whatever a learner has done to their own files: every
 * pristine stub fails its check with a short story, every reference solution passes every check of its
 * exercise, and every exercise has its README and at least three hints.
 */
class ExercisePathTest {

    static final Path REPO = Path.of("..").toAbsolutePath().normalize();
    static final Settings SETTINGS = Settings.fromSystemProperties().withImpl("exercise");

    @TempDir
    static Path scratch;

    @TestFactory
    Stream<DynamicTest> shouldFailWithAShortStoryWhenTheStubIsPristine() {
        Workspace ws = copyOfCourse();
        return atLeastOne(Exercises.ALL).stream()
                .map(e -> DynamicTest.dynamicTest(e.label(), () -> {
                    List<CheckResult> results = run(ws, e, ws.stubDir(e));
                    CheckResult last = results.get(results.size() - 1);
                    assertThat(last.passed())
                            .as("the pristine stub of %s must fail its check", e.label())
                            .isFalse();
                    assertThat(last.anomaly())
                            .as("a pristine stub fails with an anomaly, not a coverage shortfall")
                            .isPresent();
                    assertThat(last.storySteps())
                            .as("the story of a pristine stub is short:%n%s", last.report())
                            .isLessThanOrEqualTo(8);
                    boolean firstTry = Files.readString(ws.stubDir(e).resolve(e.fileName()))
                            .contains("as a first try writes it");
                    assertThat(last.report())
                            .contains(firstTry ? "Replay exactly this story" : "not written yet")
                            .contains("./queuelab check " + e.number());
                }));
    }

    @TestFactory
    Stream<DynamicTest> shouldPassEveryCheckWhenTheSolutionIsInPlace() {
        Workspace ws = copyOfCourse();
        return atLeastOne(Exercises.ALL).stream()
                .map(e -> DynamicTest.dynamicTest(e.label(), () -> {
                    List<CheckResult> results = run(ws, e, ws.solutionDir(e));
                    assertThat(results)
                            .as("one result per property of %s", e.label())
                            .hasSize(e.properties().size());
                    for (CheckResult r : results) {
                        assertThat(r.passed()).as(r.report()).isTrue();
                    }
                }));
    }

    @TestFactory
    Stream<DynamicTest> shouldExplainEveryExerciseWhenALearnerOpensIt() {
        Workspace ws = new Workspace(REPO);
        return atLeastOne(Exercises.ALL).stream()
                .map(e -> DynamicTest.dynamicTest(e.label(), () -> {
                    assertThat(Hints.read(ws.hints(e)))
                            .as("progressive hints for %s", e.label())
                            .hasSizeGreaterThanOrEqualTo(3);
                    String readme = Files.readString(ws.readme(e));
                    assertThat(readme)
                            .as("the README of %s names its file, its check and its doc section", e.label())
                            .contains(e.fileName())
                            .contains("./queuelab check " + e.number())
                            .contains(e.doc().substring(e.doc().indexOf('#')));
                    assertThat(REPO.resolve(e.doc().substring(0, e.doc().indexOf('#'))))
                            .exists();
                    assertThat(anchors(REPO.resolve(e.doc().substring(0, e.doc().indexOf('#')))))
                            .as("the doc section %s exists", e.doc())
                            .contains(e.doc().substring(e.doc().indexOf('#') + 1));
                    assertThat(ws.javaFiles(ws.stubDir(e)))
                            .extracting(p -> p.getFileName().toString())
                            .contains(e.fileName());
                    List<String> recap = new Recap(ws, e).lines();
                    String reference =
                            e.referenceFile().substring(e.referenceFile().lastIndexOf('/') + 1);
                    assertThat(recap.get(1))
                            .as(
                                    "the recap of %s finds its reference methods %s in %s",
                                    e.label(), e.reference(), reference)
                            .matches(".*" + reference.replace(".", "\\.") + ":\\d+-\\d+ and :\\d+-\\d+\\.");
                    assertThat(recap)
                            .as("the recap of %s fits a terminal's 120 columns", e.label())
                            .allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(120));
                }));
    }

    private static List<CheckResult> run(Workspace ws, Exercise e, Path sources) {
        return new ExerciseCheck(e, "exercise " + e.number(), Optional.empty())
                .run(new LearnerCode(ws).compile(e, sources), SETTINGS);
    }

    /** The course in a scratch root, so that compiled classes land there and not in the repository. */
    private static Workspace copyOfCourse() {
        Path root = scratch.resolve("repo");
        if (!Files.exists(root)) {
            copyTree(REPO.resolve("exercises/course"), root.resolve("exercises/course"));
        }
        return new Workspace(root);
    }

    /** A test factory's list, refused when empty: a factory of no tests would pass having checked nothing. */
    static <T> List<T> atLeastOne(List<T> items) {
        assertThat(items).as("a test factory needs something to test").isNotEmpty();
        return items;
    }

    /** Copies a folder, leaving out build output. */
    static void copyTree(Path from, Path to) {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : walk.filter(p -> !p.toString().contains("/target")).toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        } catch (IOException ex) {
            throw new java.io.UncheckedIOException(ex);
        }
    }

    /** The anchors of a Markdown page's headings, as GitHub makes them: lower case, punctuation out, spaces to '-'. */
    static List<String> anchors(Path page) throws IOException {
        return Files.readAllLines(page).stream()
                .filter(l -> l.startsWith("#"))
                .map(l -> l.replaceFirst("^#+\\s*", "")
                        .toLowerCase(java.util.Locale.ROOT)
                        .replaceAll("[^a-z0-9 \\-]", "")
                        .replace(' ', '-'))
                .toList();
    }
}
