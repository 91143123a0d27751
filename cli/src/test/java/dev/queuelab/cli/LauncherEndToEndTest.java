package dev.queuelab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The learner's loop through the real launcher, in a scratch copy of the repository: the first run builds,
 * a pristine exercise fails with its story, the reference's file in its place passes, and Maven's own build
 * stays green with an exercise solved.
 */
class LauncherEndToEndTest {

    static final Path REPO = Path.of("..").toAbsolutePath().normalize();
    static final Set<String> SKIPPED = Set.of(".git", "target", ".queuelab");

    @TempDir
    Path scratch;

    @Test
    void shouldFailThenPassWhenALearnerSolvesExerciseOne() throws Exception {
        Path repo = copyOfRepository();
        Path mine = repo.resolve("exercises/src/main/java/dev/queuelab/exercises/ex01_acks/AckQueue.java");
        Files.copy(repo.resolve("exercises/course/ex01_acks/stub/AckQueue.java"), mine, StandardCopyOption.REPLACE_EXISTING);

        Result pristine = run(repo, "./queuelab", "check", "1");
        assertThat(pristine.code).as(pristine.output()).isEqualTo(1);
        assertThat(pristine.output()).contains("building the command line", "operation-failed", "Story, shrunk",
                "./queuelab check 1 --property acks --seed", "queuelab hint 1");

        Files.copy(repo.resolve("exercises/course/ex01_acks/solution/AckQueue.java"), mine, StandardCopyOption.REPLACE_EXISTING);
        Result solved = run(repo, "./queuelab", "check", "1");
        assertThat(solved.code).as(solved.output()).isEqualTo(0);
        assertThat(solved.output()).contains("Exercise 1 passes.").doesNotContain("building the command line");
        assertThat(run(repo, "./queuelab", "exercises").output()).contains("[x] 1. competing consumers and acks", "1/4");

        Result unknown = run(repo, "./queuelab", "check", "12");
        assertThat(unknown.code).isEqualTo(2);
        assertThat(unknown.output()).contains("there is no exercise '12'").doesNotContain("\tat ");

        Files.writeString(repo.resolve(".queuelab/progress"), "ex01_acks.done=maybe\n");
        Result broken = run(repo, "./queuelab", "exercises");
        assertThat(broken.code).isEqualTo(2);
        assertThat(broken.output()).contains(".queuelab/progress line 1").doesNotContain("\tat ");

        Result build = run(repo, "./mvnw", "-q", "-B", "-o", "verify", "-pl", "exercises");
        assertThat(build.code).as("the default build stays green with exercise 1 solved and 2-4 pending:%n%s", build.output())
                .isEqualTo(0);
        Result ide = run(repo, "./mvnw", "-q", "-B", "-o", "test", "-pl", "exercises", "-Pexercises");
        assertThat(ide.code).as("-Pexercises runs the checks: 2-4 are pending").isNotEqualTo(0);
        assertThat(ide.output()).contains("VisibilityQueue.receive is not written yet")
                .doesNotContain("AckQueue.send is not written yet");
    }

    private Path copyOfRepository() throws IOException {
        Path to = scratch.resolve("queuelab");
        try (Stream<Path> walk = Files.walk(REPO)) {
            for (Path p : walk.filter(p -> REPO.relativize(p).toString().isEmpty()
                    || !SKIPPED.contains(REPO.relativize(p).getName(0).toString()) && !p.toString().contains("/target")).toList()) {
                Path target = to.resolve(REPO.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
        return to;
    }

    private static Result run(Path dir, String... command) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(command));
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).start();
        byte[] out = p.getInputStream().readAllBytes();
        assertThat(p.waitFor(10, TimeUnit.MINUTES)).as("%s finished", cmd).isTrue();
        return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8));
    }

    private record Result(int code, String output) {
    }
}
