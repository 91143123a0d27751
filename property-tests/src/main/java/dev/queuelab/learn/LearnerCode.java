package dev.queuelab.learn;

import dev.queuelab.api.WorkQueue;
import dev.queuelab.check.workqueue.WorkQueueFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Compiles an exercise's sources in-process (the JDK's own compiler, against the api alone) and makes
 * its class into a {@link WorkQueueFactory} for the engine. Feedback in about a second, with no build tool.
 */
public final class LearnerCode {

    private static final int SHOWN_ERRORS = 5;

    private final Workspace workspace;

    public LearnerCode(Workspace workspace) {
        this.workspace = workspace;
    }

    /** Compiles the Java files of {@code sourceDir} (the learner's folder, or a stub or solution folder). */
    public WorkQueueFactory compile(Exercise exercise, Path sourceDir) {
        List<Path> sources = workspace.javaFiles(sourceDir);
        if (sources.stream().noneMatch(p -> p.getFileName().toString().equals(exercise.fileName()))) {
            throw new LearnerException(workspace.show(sourceDir.resolve(exercise.fileName())) + " is missing: restore it"
                    + " with queuelab reset " + exercise.number());
        }
        sources.forEach(this::requireApiOnly);
        Path out = workspace.stateDir().resolve("classes").resolve(exercise.slug());
        clean(out);
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        if (javac == null) {
            throw new LearnerException("this Java runtime has no compiler: run queuelab with a JDK 17 or newer (JAVA_HOME)");
        }
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, Locale.ROOT, StandardCharsets.UTF_8)) {
            List<String> options = List.of("-d", out.toString(), "-classpath", apiLocation().toString(),
                    "--release", "17", "-proc:none", "-encoding", "UTF-8", "-Xlint:none", "-nowarn");
            boolean ok = javac.getTask(null, files, diagnostics, options, null,
                    files.getJavaFileObjectsFromPaths(sources)).call();
            if (!ok) {
                throw new LearnerException(describe(exercise, diagnostics.getDiagnostics()), Coach.CHECK_FAILED);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return load(exercise, out);
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

    private String describe(Exercise exercise, List<Diagnostic<? extends JavaFileObject>> all) {
        List<String> errors = new ArrayList<>();
        for (Diagnostic<? extends JavaFileObject> d : all) {
            if (d.getKind() == Diagnostic.Kind.ERROR) {
                String file = d.getSource() == null ? "?" : workspace.show(Path.of(d.getSource().toUri()));
                errors.add(file + ":" + d.getLineNumber() + ": error: " + d.getMessage(Locale.ROOT));
            }
        }
        String shown = errors.stream().limit(SHOWN_ERRORS).collect(Collectors.joining("\n"));
        String more = errors.size() > SHOWN_ERRORS ? "\n(" + (errors.size() - SHOWN_ERRORS) + " more errors)" : "";
        return "your code for " + exercise.label() + " does not compile:\n" + shown + more
                + "\nFix the line named above and check again.";
    }

    private static WorkQueueFactory load(Exercise exercise, Path out) {
        try {
            return exercise.factory(new URLClassLoader(new URL[] {out.toUri().toURL()}, WorkQueue.class.getClassLoader()));
        } catch (MalformedURLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Where the api's classes are (the reference module's classes or jar): the one thing exercises compile against. */
    private static Path apiLocation() {
        try {
            return Path.of(WorkQueue.class.getProtectionDomain().getCodeSource().getLocation().toURI());
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
