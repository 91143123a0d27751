package dev.queuelab.learn;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Where an exercise's files are, from the repository's root:
 * <pre>
 * exercises/src/main/java/dev/queuelab/exercises/ex01_acks/   the learner's code and the task's README.md
 * exercises/course/ex01_acks/stub/                             the pristine stubs, for reset
 * exercises/course/ex01_acks/solution/                         the reference solution
 * exercises/course/ex01_acks/hints.md                          the hints, "## Hint 1", "## Hint 2"...
 * .queuelab/progress                                           what passed, hints shown (git-ignored)
 * .queuelab/backups/                                           the learner's files as they were before a reset
 * </pre>
 */
public record Workspace(Path root) {

    /** The root the launcher names ({@code -Dqueuelab.root}), or the working directory. */
    public static Workspace current() {
        String root = System.getProperty("queuelab.root");
        return new Workspace(Path.of(root == null || root.isBlank() ? "." : root)
                .toAbsolutePath()
                .normalize());
    }

    public Path learnerDir(Exercise e) {
        return root.resolve("exercises/src/main/java/dev/queuelab/exercises").resolve(e.slug());
    }

    public Path learnerFile(Exercise e) {
        return learnerDir(e).resolve(e.fileName());
    }

    public Path readme(Exercise e) {
        return learnerDir(e).resolve("README.md");
    }

    public Path stubDir(Exercise e) {
        return root.resolve("exercises/course").resolve(e.slug()).resolve("stub");
    }

    public Path solutionDir(Exercise e) {
        return root.resolve("exercises/course").resolve(e.slug()).resolve("solution");
    }

    public Path hints(Exercise e) {
        return root.resolve("exercises/course").resolve(e.slug()).resolve("hints.md");
    }

    public Path stateDir() {
        return root.resolve(".queuelab");
    }

    public Path progressFile() {
        return stateDir().resolve("progress");
    }

    /** A path as the learner would type it from the root. */
    public String show(Path p) {
        Path abs = p.toAbsolutePath().normalize();
        return abs.startsWith(root) ? root.relativize(abs).toString() : abs.toString();
    }

    /** The Java files of a directory, sorted; a clear error if the directory is missing. */
    public List<Path> javaFiles(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new LearnerException(show(dir) + " does not exist: run queuelab from the queuelab repository's root,"
                    + " or restore the folder with git checkout -- " + show(dir));
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.toString().endsWith(".java")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
