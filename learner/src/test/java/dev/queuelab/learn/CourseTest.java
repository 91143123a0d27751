package dev.queuelab.learn;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The solution is each exercise's one source: the committed stubs must be what it derives. After editing a
 * solution, regenerate them with
 * {@code ./mvnw -q test -pl learner -am -Dtest=CourseTest -Dsurefire.failIfNoSpecifiedTests=false -Dqueuelab.writeStubs=true}.
 */
class CourseTest {

    static final String REGENERATE = "./mvnw -q test -pl learner -am -Dtest=CourseTest"
            + " -Dsurefire.failIfNoSpecifiedTests=false -Dqueuelab.writeStubs=true";

    @TempDir
    Path scratch;

    @TestFactory
    Stream<DynamicTest> shouldMatchTheSolutionWhenTheStubIsCommitted() {
        Workspace repo = new Workspace(ExercisePathTest.REPO);
        if (Boolean.getBoolean("queuelab.writeStubs")) {
            Course.writeStubs(repo).forEach(p -> System.out.println("wrote " + repo.show(p)));
        }
        return Exercises.ALL.stream()
                .map(e -> DynamicTest.dynamicTest(e.label(), () -> {
                    Path solution = repo.solutionDir(e).resolve(e.fileName());
                    String derived = Course.stub(e, Files.readString(solution));
                    assertThat(Files.readString(repo.stubDir(e).resolve(e.fileName())))
                            .as(
                                    "the stub of %s is derived from its solution; regenerate it with %s",
                                    e.label(), REGENERATE)
                            .isEqualTo(derived);
                    assertThat(derived)
                            .as("each marked region of %s becomes a throw naming its method", e.label())
                            .contains("exercise " + e.number() + ": " + e.className() + ".")
                            .doesNotContain("// begin exercise", ".? is not");
                }));
    }

    @Test
    void shouldKeepTheLearnersFileWhenTheyHaveChangedIt() throws IOException {
        ExercisePathTest.copyTree(ExercisePathTest.REPO.resolve("exercises"), scratch.resolve("exercises"));
        Workspace ws = new Workspace(scratch);
        Course.writeStubs(ws); // in step with the solutions, whatever the repository's state
        Exercise first = Exercises.find("1");
        Exercise second = Exercises.find("2");
        Path solution = ws.solutionDir(first).resolve(first.fileName());
        Files.writeString(solution, Files.readString(solution) + "// outside every region\n");
        Files.copy(
                ws.stubDir(second).resolve(second.fileName()),
                ws.learnerFile(second),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Path secondSolution = ws.solutionDir(second).resolve(second.fileName());
        Files.writeString(secondSolution, Files.readString(secondSolution) + "// new\n");
        Files.writeString(ws.learnerFile(first), "// mine\n");

        assertThat(Course.writeStubs(ws))
                .as("both stubs, and the learner's second file, still pristine")
                .containsExactlyInAnyOrder(
                        ws.stubDir(first).resolve(first.fileName()),
                        ws.stubDir(second).resolve(second.fileName()),
                        ws.learnerFile(second));
        assertThat(ws.learnerFile(first))
                .as("a learner's changed file stays theirs")
                .hasContent("// mine\n");
        assertThat(ws.learnerFile(second)).content().endsWith("// new\n");
    }

    @Test
    void shouldLeaveTheMarkersOutWhenTheSolutionIsShown() throws IOException {
        Exercise first = Exercises.find("1");
        String shown = Course.shown(Files.readString(
                new Workspace(ExercisePathTest.REPO).solutionDir(first).resolve(first.fileName())));
        assertThat(shown)
                .contains("class AckQueue implements WorkQueue")
                .doesNotContain("begin exercise", "end exercise");
    }
}
