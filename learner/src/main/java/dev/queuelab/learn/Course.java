package dev.queuelab.learn;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One source per exercise: the solution, whose bodies the learner writes are marked
 * <pre>
 *         // begin exercise 1
 *         ...the solution's lines...
 *         // end exercise 1
 * </pre>
 * The stub is derived from it (each marked region becomes a throw that names the method), as course staff
 * derive student trees from the staff tree; the committed stubs are checked against it, and
 * {@link #writeStubs} regenerates them. The learner's own file is never overwritten once they have changed it.
 */
public final class Course {

    private static final Pattern BEGIN = Pattern.compile("(\\s*)// begin exercise (\\d+)");
    private static final Pattern END = Pattern.compile("\\s*// end exercise \\d+");
    private static final Pattern METHOD = Pattern.compile("\\s+(?:public|protected|private)[^=(]*\\s(\\w+)\\(.*");

    private Course() {}

    /** The stub of {@code exercise}: the solution with each marked region replaced by a throw naming its method. */
    public static String stub(Exercise exercise, String solution) {
        List<String> out = new ArrayList<>();
        String method = "?";
        boolean inRegion = false;
        for (String line : solution.split("\n", -1)) {
            Matcher begin = BEGIN.matcher(line);
            Matcher declaration = METHOD.matcher(line);
            if (!inRegion && declaration.matches()) {
                method = declaration.group(1);
            }
            if (begin.matches()) {
                inRegion = true;
                String indent = begin.group(1);
                out.add(indent + "// Exercise " + begin.group(2)
                        + ": yours to write; the task is in the README.md next to this file.");
                out.add(indent + "throw new UnsupportedOperationException(\"exercise " + begin.group(2) + ": "
                        + exercise.className() + "." + method
                        + " is not written yet; the task is in the README.md next to " + exercise.fileName() + "\");");
            } else if (END.matcher(line).matches()) {
                inRegion = false;
            } else if (!inRegion) {
                out.add(line);
            }
        }
        return String.join("\n", out);
    }

    /** The solution as a learner reads it: without the region markers. */
    public static String shown(String solution) {
        return String.join(
                        "\n",
                        solution.lines()
                                .filter(l -> !BEGIN.matcher(l).matches()
                                        && !END.matcher(l).matches())
                                .toList())
                + "\n";
    }

    /**
     * Writes each exercise's stub from its solution. A learner's file still equal to the old stub is pristine
     * and gets the new stub too; one they have changed stays theirs. Returns the files written.
     */
    public static List<Path> writeStubs(Workspace workspace) {
        List<Path> written = new ArrayList<>();
        try {
            for (Exercise e : Exercises.ALL) {
                for (Path solution : workspace.javaFiles(workspace.solutionDir(e))) {
                    Path stub = workspace.stubDir(e).resolve(solution.getFileName());
                    Path mine = workspace.learnerDir(e).resolve(solution.getFileName());
                    String fresh = stub(e, Files.readString(solution));
                    String old = Files.exists(stub) ? Files.readString(stub) : null;
                    if (!fresh.equals(old)) {
                        if (old != null
                                && Files.exists(mine)
                                && Files.readString(mine).equals(old)) {
                            Files.writeString(mine, fresh);
                            written.add(mine);
                        }
                        Files.createDirectories(stub.getParent());
                        Files.writeString(stub, fresh);
                        written.add(stub);
                    }
                }
            }
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        return written;
    }
}
