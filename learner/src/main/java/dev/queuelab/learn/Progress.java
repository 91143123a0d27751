package dev.queuelab.learn;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the learner has done, in one small text file ({@code .queuelab/progress}, git-ignored):
 * <pre>
 * ex01_acks.done=true
 * ex02_visibility.hints=2
 * </pre>
 * Read strictly: a line that is not one of these says which line, why, and how to mend it.
 */
public final class Progress {

    private static final String HEADER =
            "# queuelab progress: which exercises pass and how many hints each has shown.\n"
                    + "# Delete this file to start the path again (your code stays as it is).\n";

    private final Path file;
    private final Map<String, Boolean> done = new TreeMap<>();
    private final Map<String, Integer> hints = new TreeMap<>();

    private Progress(Path file) {
        this.file = file;
    }

    public static Progress load(Path file) {
        Progress p = new Progress(file);
        if (!Files.exists(file)) {
            return p;
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (IOException | UncheckedIOException e) {
            throw new LearnerException(
                    p.shown() + " cannot be read (" + e.getMessage() + "): delete it to start the path again");
        }
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (!line.isEmpty() && !line.startsWith("#")) {
                p.parse(line, i + 1);
            }
        }
        return p;
    }

    private void parse(String line, int number) {
        int eq = line.indexOf('=');
        int dot = eq < 0 ? -1 : line.lastIndexOf('.', eq);
        String where = shown() + " line " + number + " ('" + line + "'): ";
        String fix = "; mend that line or delete the file (your code stays as it is)";
        if (eq < 0 || dot < 0) {
            throw new LearnerException(where + "expected <exercise>.done=true or <exercise>.hints=<n>" + fix);
        }
        String slug = line.substring(0, dot);
        String key = line.substring(dot + 1, eq);
        String value = line.substring(eq + 1).strip();
        if (Exercises.ALL.stream().noneMatch(e -> e.slug().equals(slug))) {
            throw new LearnerException(where + "there is no exercise '" + slug + "'" + fix);
        }
        if (key.equals("done") && (value.equals("true") || value.equals("false"))) {
            done.put(slug, Boolean.parseBoolean(value));
        } else if (key.equals("hints") && value.matches("\\d{1,3}")) {
            hints.put(slug, Integer.parseInt(value));
        } else {
            throw new LearnerException(where + "expected done=true|false or hints=<a number>" + fix);
        }
    }

    /** The file as the learner finds it from the repository's root. */
    private String shown() {
        return file.getParent() == null ? file.toString() : file.getParent().getFileName() + "/" + file.getFileName();
    }

    public boolean isDone(Exercise e) {
        return done.getOrDefault(e.slug(), false);
    }

    public int hintsShown(Exercise e) {
        return hints.getOrDefault(e.slug(), 0);
    }

    /** The first exercise not done yet, in teaching order; empty when all pass. */
    public java.util.Optional<Exercise> next() {
        return Exercises.ALL.stream().filter(e -> !isDone(e)).findFirst();
    }

    public int doneCount() {
        return (int) Exercises.ALL.stream().filter(this::isDone).count();
    }

    /** How many of a chapter's exercises pass. */
    public int doneCount(Topology chapter) {
        return (int) chapter.exercises().stream().filter(this::isDone).count();
    }

    public Progress markDone(Exercise e, boolean isDone) {
        done.put(e.slug(), isDone);
        return save();
    }

    public Progress hintShown(Exercise e, int count) {
        hints.put(e.slug(), count);
        return save();
    }

    /** Written whole to a temporary file, then moved over the old one: a crash never leaves half a file. */
    private Progress save() {
        List<String> lines = new ArrayList<>();
        for (Exercise e : Exercises.ALL) {
            if (done.containsKey(e.slug())) {
                lines.add(e.slug() + ".done=" + done.get(e.slug()));
            }
            if (hints.containsKey(e.slug())) {
                lines.add(e.slug() + ".hints=" + hints.get(e.slug()));
            }
        }
        try {
            Files.createDirectories(file.getParent());
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            Files.writeString(tmp, HEADER + String.join("\n", lines) + "\n");
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }
}
