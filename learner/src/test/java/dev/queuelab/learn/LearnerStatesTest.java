package dev.queuelab.learn;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The build stays green in a learner's hands: whatever state their files are in (untouched, half solved with
 * a helper class of their own, every exercise solved), the maintainers' tests start from a scratch copy whose
 * learner files are the committed stubs, byte for byte, and the learner's own files are left as they were.
 */
class LearnerStatesTest {

    enum State {
        UNTOUCHED,
        HALF_SOLVED,
        ALL_SOLVED
    }

    @TempDir
    Path learner;

    @TempDir
    Path scratch;

    @ParameterizedTest
    @EnumSource(State.class)
    void shouldStartFromThePristineStubsWhateverTheLearnerHasDone(State state) throws IOException {
        ExercisePathTest.copyTree(ExercisePathTest.REPO.resolve("exercises"), learner.resolve("exercises"));
        Workspace mine = new Workspace(learner);
        mine.resetToStubs();
        for (Exercise e : Exercises.ALL) {
            boolean solved = state == State.ALL_SOLVED || (state == State.HALF_SOLVED && e.number() % 2 == 1);
            if (solved) {
                for (Path solution : mine.javaFiles(mine.solutionDir(e))) {
                    Files.copy(
                            solution,
                            mine.learnerDir(e).resolve(solution.getFileName()),
                            StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        Path helper = mine.learnerDir(Exercises.find("2")).resolve("MyHelper.java");
        if (state == State.HALF_SOLVED) {
            Files.writeString(helper, "package dev.queuelab.exercises.ex02_visibility;\nclass MyHelper {}\n");
        }

        ExercisePathTest.copyTree(learner.resolve("exercises"), scratch.resolve("exercises"));
        Workspace copy = new Workspace(scratch);
        copy.resetToStubs();

        for (Exercise e : Exercises.ALL) {
            assertThat(copy.javaFiles(copy.learnerDir(e)))
                    .extracting(p -> p.getFileName().toString())
                    .as("%s in the scratch copy holds the stub's files only", e.label())
                    .containsExactlyElementsOf(copy.javaFiles(copy.stubDir(e)).stream()
                            .map(p -> p.getFileName().toString())
                            .toList());
            for (Path stub : copy.javaFiles(copy.stubDir(e))) {
                assertThat(copy.learnerDir(e).resolve(stub.getFileName())).hasSameTextualContentAs(stub);
            }
        }
        assertThat(Files.exists(helper))
                .as("the learner's own files are untouched")
                .isEqualTo(state == State.HALF_SOLVED);
    }
}
