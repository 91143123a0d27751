package dev.queuelab.learn;

import dev.queuelab.api.workqueue.WorkQueue;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Compiles an exercise's sources in-process (the JDK's own compiler, against the api alone) and makes
 * its class into a maker of its topology's implementations for the engine. Feedback in about a second, with no build tool.
 */
public final class LearnerCode {

    private static final int SHOWN_ERRORS = 3;

    private final Workspace workspace;

    public LearnerCode(Workspace workspace) {
        this.workspace = workspace;
    }

    /** Compiles the Java files of {@code sourceDir} (the learner's folder, or a stub or solution folder) and loads them. */
    public Topology.Maker compile(Exercise exercise, Path sourceDir) {
        return load(exercise, compileTo(exercise, sourceDir));
    }

    /** Compiles the Java files of {@code sourceDir} into a fresh folder under {@code .queuelab/classes}, its result. */
    public Path compileTo(Exercise exercise, Path sourceDir) {
        List<Path> sources = workspace.javaFiles(sourceDir);
        if (sources.stream().noneMatch(p -> p.getFileName().toString().equals(exercise.fileName()))) {
            throw new LearnerException(workspace.show(sourceDir.resolve(exercise.fileName()))
                    + " is missing: restore it" + " with queuelab reset " + exercise.number());
        }
        sources.forEach(this::requireApiOnly);
        Path out = workspace.stateDir().resolve("classes").resolve(exercise.slug());
        clean(out);
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        if (javac == null) {
            throw new LearnerException(
                    "this Java runtime has no compiler: run queuelab with a JDK 17 or newer (JAVA_HOME)");
        }
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        try (StandardJavaFileManager files =
                javac.getStandardFileManager(diagnostics, Locale.ROOT, StandardCharsets.UTF_8)) {
            List<String> options = List.of(
                    "-d",
                    out.toString(),
                    "-classpath",
                    apiLocation().toString(),
                    "--release",
                    "17",
                    "-proc:none",
                    "-encoding",
                    "UTF-8",
                    "-Xlint:none",
                    "-nowarn");
            boolean ok = javac.getTask(
                            null, files, diagnostics, options, null, files.getJavaFileObjectsFromPaths(sources))
                    .call();
            if (!ok) {
                throw new LearnerException(describe(exercise, diagnostics.getDiagnostics()), Coach.CHECK_FAILED);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /** Exercises stand on the contract alone, as the reference does: what they may import is the api. */
    private void requireApiOnly(Path source) {
        try {
            List<String> lines = Files.readAllLines(source);
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i);
                if (line.matches("\\s*import\\s+(static\\s+)?dev\\.queuelab\\.(reference|check|learn)\\b.*")) {
                    throw new LearnerException(workspace.show(source) + ":" + (i + 1) + ": exercises use the api only"
                            + " (dev.queuelab.api); remove this import: " + line.strip());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** As javac prints them: the file and line, the message, the source line with a caret, the rest of the message. */
    private String describe(Exercise exercise, List<Diagnostic<? extends JavaFileObject>> all) {
        List<Diagnostic<? extends JavaFileObject>> errors =
                all.stream().filter(d -> d.getKind() == Diagnostic.Kind.ERROR).toList();
        StringBuilder text = new StringBuilder("your code for " + exercise.label() + " does not compile:\n");
        errors.stream().limit(SHOWN_ERRORS).forEach(d -> text.append(javacStyle(d)));
        text.append(errors.size()).append(errors.size() == 1 ? " error" : " errors");
        if (errors.size() > SHOWN_ERRORS) {
            text.append(" (the first ").append(SHOWN_ERRORS).append(" are shown; one mistake often causes the next)");
        }
        return text.append("\nFix the first one and check again.").toString();
    }

    private String javacStyle(Diagnostic<? extends JavaFileObject> d) {
        String[] message = d.getMessage(Locale.ROOT).split("\\R", -1);
        StringBuilder text = new StringBuilder();
        String file = d.getSource() == null
                ? "?"
                : workspace.show(Path.of(d.getSource().toUri()));
        text.append(file)
                .append(':')
                .append(d.getLineNumber())
                .append(": error: ")
                .append(message[0])
                .append('\n');
        sourceLine(d).ifPresent(line -> {
            int column = (int) Math.min(Math.max(d.getColumnNumber() - 1, 0), line.length());
            // keep the line's own tabs before the caret, so it lines up under the same character as in javac
            String pad = line.substring(0, column).replaceAll("[^\\t]", " ");
            text.append(line).append('\n').append(pad).append("^\n");
        });
        for (int i = 1; i < message.length; i++) {
            text.append(message[i]).append('\n');
        }
        return text.toString();
    }

    private static Optional<String> sourceLine(Diagnostic<? extends JavaFileObject> d) {
        if (d.getSource() == null || d.getLineNumber() < 1) {
            return Optional.empty();
        }
        try {
            String[] lines = d.getSource().getCharContent(true).toString().split("\\R", -1);
            return d.getLineNumber() <= lines.length
                    ? Optional.of(lines[(int) d.getLineNumber() - 1])
                    : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static Topology.Maker load(Exercise exercise, Path out) {
        try {
            return exercise.factory(
                    new URLClassLoader(new URL[] {out.toUri().toURL()}, WorkQueue.class.getClassLoader()));
        } catch (MalformedURLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Where the api's classes are (the reference module's classes or jar): the one thing exercises compile against. */
    private static Path apiLocation() {
        try {
            return Path.of(WorkQueue.class
                    .getProtectionDomain()
                    .getCodeSource()
                    .getLocation()
                    .toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void clean(Path dir) {
        try {
            if (Files.exists(dir)) {
                try (Stream<Path> walk = Files.walk(dir)) {
                    for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                        Files.delete(p);
                    }
                }
            }
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
