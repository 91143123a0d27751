package dev.queuelab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.queuelab.learn.Workspace;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The learner's loop through the real launcher, in a scratch copy of the repository: the first run builds,
 * a pristine exercise fails with its story (a work queue's, then a log's), the solution in its place passes,
 * and Maven's own build stays green with exercises solved.
 */
class LauncherEndToEndTest {

    static final Path REPO = Path.of("..").toAbsolutePath().normalize();
    static final Set<String> SKIPPED = Set.of(".git", "target", ".queuelab");

    @TempDir
    Path scratch;

    @Test
    void shouldFailThenPassWhenALearnerSolvesAQueueExerciseAndALogExercise() throws Exception {
        Path repo = copyOfRepository();
        Path mine = repo.resolve("exercises/src/main/java/dev/queuelab/exercises/ex01_acks/AckQueue.java");
        Files.copy(
                repo.resolve("exercises/course/ex01_acks/stub/AckQueue.java"),
                mine,
                StandardCopyOption.REPLACE_EXISTING);

        Map<Path, FileTime> installed = installedArtifacts();
        Result pristine = run(repo, "./queuelab", "check", "1");
        assertThat(installedArtifacts())
                .as("the launcher's build installs nothing into ~/.m2")
                .isEqualTo(installed);
        assertThat(pristine.code).as(pristine.output()).isEqualTo(1);
        assertThat(pristine.output())
                .contains(
                        "building the command line",
                        "operation-failed",
                        "./queuelab check 1 --property acks --seed",
                        "queuelab hint 1");

        String solution = Files.readString(repo.resolve("exercises/course/ex01_acks/solution/AckQueue.java"));
        Files.writeString(
                mine,
                solution.replace(
                        "return e.hiddenUntil != null && now.isBefore(e.hiddenUntil);",
                        "while (e.receives > 1) { now = now.plusMillis(0); }\n        return e.hiddenUntil != null && now.isBefore(e.hiddenUntil);"));
        Result looping = run(repo, "./queuelab", "check", "1", "--limit", "2");
        assertThat(looping.code)
                .as("an endless loop is the code failing: %s", looping.output())
                .isEqualTo(1);
        assertThat(looping.output())
                .containsPattern("AckQueue\\.\\w+ did not return within 2 s")
                .doesNotContain("\tat ");

        Files.writeString(mine, solution);
        Result solved = run(repo, "./queuelab", "check", "1");
        assertThat(solved.code).as(solved.output()).isEqualTo(0);
        assertThat(solved.output())
                .contains("Exercise 1 passes.", "You proved: ")
                .doesNotContain("building the command line");
        assertThat(run(repo, "./queuelab", "exercises").output())
                .contains("[x] 1. competing consumers and acks", "1/4");

        Path myLog = repo.resolve("exercises/src/main/java/dev/queuelab/exercises/ex07_groups/GroupLog.java");
        Files.copy(
                repo.resolve("exercises/course/ex07_groups/stub/GroupLog.java"),
                myLog,
                StandardCopyOption.REPLACE_EXISTING);
        Result logPristine = run(repo, "./queuelab", "check", "7");
        assertThat(logPristine.code).as(logPristine.output()).isEqualTo(1);
        assertThat(logPristine.output())
                .contains(
                        "FAIL log/groups failed",
                        "operation-failed at step 1",
                        "GroupLog.",
                        "is not written yet",
                        "./queuelab check 7 --property groups --seed",
                        "docs/partitioned-log.md#exercise-7-groups-and-rebalancing",
                        "queuelab hint 7");
        Files.writeString(myLog, Files.readString(repo.resolve("exercises/course/ex07_groups/solution/GroupLog.java")));
        Result logSolved = run(repo, "./queuelab", "check", "7");
        assertThat(logSolved.code).as(logSolved.output()).isEqualTo(0);
        assertThat(logSolved.output())
                .contains(
                        "PASS log/groups passed ",
                        "PASS log/partitioning passed ",
                        "Exercise 7 passes.",
                        "You proved: each partition has one live owner",
                        "ConsumerGroup.java:");
        assertThat(run(repo, "./queuelab", "exercises").output())
                .contains("Chapter 2: the partitioned log (Kafka-style)", "[x] 7. consumer groups and rebalancing");

        Result unknown = run(repo, "./queuelab", "check", "99");
        assertThat(unknown.code).isEqualTo(2);
        assertThat(unknown.output()).contains("there is no exercise '99'").doesNotContain("\tat ");

        Files.writeString(repo.resolve(".queuelab/progress"), "ex01_acks.done=maybe\n");
        Result broken = run(repo, "./queuelab", "exercises");
        assertThat(broken.code).isEqualTo(2);
        assertThat(broken.output()).contains(".queuelab/progress line 1").doesNotContain("\tat ");

        assertThat(run(repo, "./queuelab", "watch", "--help").output()).contains("130", "stopped with Ctrl-C");
        Process watch = new ProcessBuilder(interruptible("./queuelab", "watch", "2"))
                .directory(repo.toFile())
                .redirectErrorStream(true)
                .start();
        StringBuilder watched = new StringBuilder();
        Thread reader = new Thread(() -> new java.io.BufferedReader(
                        new java.io.InputStreamReader(watch.getInputStream(), StandardCharsets.UTF_8))
                .lines()
                .forEach(l -> {
                    synchronized (watched) {
                        watched.append(l).append('\n');
                        watched.notifyAll();
                    }
                }));
        reader.start();
        synchronized (watched) {
            for (int waited = 0; watched.indexOf("save a file to check again") < 0 && waited < 120; waited++) {
                watched.wait(1000);
            }
        }
        assertThat(watched.toString())
                .as("watch 2 checks exercise 2, then waits")
                .contains("Checking exercise 2", "save a file");
        new ProcessBuilder("kill", "-INT", String.valueOf(watch.pid())).start().waitFor();
        assertThat(watch.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(watch.exitValue())
                .as("Ctrl-C ends watch with the code its help gives")
                .isEqualTo(130);

        Path fakeJdk = Files.createDirectories(scratch.resolve("fake-jdk/bin"));
        Files.writeString(fakeJdk.resolve("java"), "#!/bin/sh\necho \"the java of JAVA_HOME ran: $*\"\n");
        fakeJdk.resolve("java").toFile().setExecutable(true);
        Result javaHome = run(repo, Map.of("JAVA_HOME", fakeJdk.getParent().toString()), "./queuelab", "--version");
        assertThat(javaHome.output())
                .as("the launcher runs $JAVA_HOME/bin/java")
                .contains(
                        "the java of JAVA_HOME ran: ",
                        "-Dqueuelab.root=",
                        "dev.queuelab.cli.QueuelabCommand --version");
        Result noJava = run(repo, Map.of("JAVA_HOME", scratch.toString()), "./queuelab", "--version");
        assertThat(noJava.code).isEqualTo(2);
        assertThat(noJava.output()).contains("JAVA_HOME is " + scratch + " but it has no bin/java");

        Path command = repo.resolve("cli/src/main/java/dev/queuelab/cli/QueuelabCommand.java");
        Files.setLastModifiedTime(
                command, FileTime.fromMillis(System.currentTimeMillis())); // newer than the launcher's build
        Result maven = run(repo, "./mvnw", "-q", "-B", "-o", "package", "-DskipTests", "-pl", "cli", "-am");
        assertThat(maven.code).as(maven.output()).isZero();
        Result afterMaven = run(repo, "./queuelab", "--version");
        assertThat(afterMaven.output())
                .as("a Maven build of the command line leaves the launcher fresh")
                .doesNotContain("building the command line")
                .containsPattern("queuelab \\d+\\.\\d+\\.\\d+");

        // -am: the modules the exercises stand on come from this reactor, never from whatever ~/.m2 holds
        Result build = run(
                repo,
                "./mvnw",
                "-q",
                "-B",
                "-o",
                "verify",
                "-pl",
                "exercises",
                "-am",
                "-Dtest=Exercises*Test",
                "-Dsurefire.failIfNoSpecifiedTests=false");
        assertThat(build.code)
                .as(
                        "the default build stays green with exercises 1 and 7 solved, the others pending:%n%s",
                        build.output())
                .isEqualTo(0);
        Result ide = run(
                repo,
                "./mvnw",
                "-q",
                "-B",
                "-o",
                "test",
                "-pl",
                "exercises",
                "-am",
                "-Pexercises",
                "-Dtest=Exercises*Test",
                "-Dsurefire.failIfNoSpecifiedTests=false");
        assertThat(ide.code).as("-Pexercises runs the checks: 2-4 are pending").isNotEqualTo(0);
        assertThat(ide.output()).contains("VisibilityQueue.receive is not written yet");
        assertThat(ide.output())
                .as("each failure named by its exercise")
                .contains("[exercise 2 (visibility timeout, redelivery and extension): ")
                .doesNotContain("AckQueue.send is not written yet");
    }

    private Path copyOfRepository() throws IOException {
        Path to = scratch.resolve("queuelab");
        try (Stream<Path> walk = Files.walk(REPO)) {
            for (Path p : walk.filter(p -> REPO.relativize(p).toString().isEmpty()
                            || !SKIPPED.contains(REPO.relativize(p).getName(0).toString())
                                    && !p.toString().contains("/target"))
                    .toList()) {
                Path target = to.resolve(REPO.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
        new Workspace(to).resetToStubs(); // the course as committed, whatever the learner has done
        return to;
    }

    /**
     * {@code command}, started so that Ctrl-C's SIGINT reaches it as it would from a terminal. A build started
     * as a background job of a non-interactive shell inherits SIGINT ignored, and the JVM keeps an ignored
     * SIGINT ignored, so the watched command would never see it; then {@code env --default-signal=INT} (GNU
     * coreutils 8.31 and later) puts the default back. From a terminal, and off Linux, the command as given.
     */
    private static List<String> interruptible(String... command) throws IOException {
        List<String> line = new ArrayList<>(List.of(command));
        Path status = Path.of("/proc/self/status");
        if (Files.isReadable(status)) {
            for (String l : Files.readAllLines(status)) {
                if (l.startsWith("SigIgn:") && (Long.parseLong(l.substring(7).trim(), 16) & 0x2) != 0) { // SIGINT is 2
                    line.addAll(0, List.of("env", "--default-signal=INT"));
                }
            }
        }
        return line;
    }

    /** The files Maven installed for this project, with their times: a build that installs changes them. */
    private static Map<Path, FileTime> installedArtifacts() throws IOException {
        Path installed = Path.of(System.getProperty("user.home"), ".m2/repository/dev/queuelab");
        Map<Path, FileTime> times = new TreeMap<>();
        if (Files.isDirectory(installed)) {
            try (Stream<Path> walk = Files.walk(installed)) {
                for (Path p : walk.filter(Files::isRegularFile).toList()) {
                    times.put(p, Files.getLastModifiedTime(p));
                }
            }
        }
        return times;
    }

    private static Result run(Path dir, String... command) throws IOException, InterruptedException {
        return run(dir, Map.of(), command);
    }

    private static Result run(Path dir, Map<String, String> env, String... command)
            throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(command));
        ProcessBuilder builder = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true);
        builder.environment().putAll(env);
        Process p = builder.start();
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        Thread reader = new Thread(() -> {
            try {
                p.getInputStream().transferTo(out); // read beside the wait, so that the limit below can fire
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        reader.start();
        boolean finished = p.waitFor(10, TimeUnit.MINUTES);
        if (!finished) {
            p.destroyForcibly();
        }
        reader.join(TimeUnit.SECONDS.toMillis(30));
        assertThat(finished)
                .as("%s finished within 10 minutes; it printed:%n%s", cmd, out)
                .isTrue();
        return new Result(p.exitValue(), out.toString(StandardCharsets.UTF_8));
    }

    private record Result(int code, String output) {}
}
