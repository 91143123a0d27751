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
 * The stub is derived from it (each marked region becomes a throw that names the method, or the region's first
 * try: lines after {@code // first try, in the stub:}, commented out in the solution), as course staff
 * derive student trees from the staff tree; the committed stubs are checked against it, and
 * {@link #writeStubs} regenerates them. The learner's own file is never overwritten once they have changed it.
 */
public final class Course {

    private static final Pattern BEGIN = Pattern.compile("(\\s*)// begin exercise (\\d+)");
    private static final Pattern END = Pattern.compile("\\s*// end exercise \\d+");
    /** Inside a region, the lines after it are the stub's first try, commented out in the solution. */
    private static final Pattern FIRST_TRY = Pattern.compile("\\s*// first try, in the stub:");

    private static final Pattern COMMENTED = Pattern.compile("(\\s*)// ?(.*)");
    private static final Pattern METHOD = Pattern.compile("\\s+(?:public|protected|private)[^=(]*\\s(\\w+)\\(.*");

    private Course() {}

    /** The stub of {@code exercise}: the solution with each marked region replaced by a throw naming its method. */
    public static String stub(Exercise exercise, String solution) {
        List<String> out = new ArrayList<>();
        List<String> firstTry = new ArrayList<>();
        String method = "?";
        Matcher region = null;
        boolean inFirstTry = false;
        for (String line : solution.split("\n", -1)) {
            Matcher begin = BEGIN.matcher(line);
            Matcher declaration = METHOD.matcher(line);
            if (region == null && declaration.matches()) {
                method = declaration.group(1);
            }
            if (begin.matches()) {
                region = begin;
                firstTry.clear();
                inFirstTry = false;
            } else if (region != null && END.matcher(line).matches()) {
                String indent = region.group(1);
                String where = "exercise " + region.group(2) + ": " + exercise.className() + "." + method;
                if (firstTry.isEmpty()) {
                    out.add(indent + "// Exercise " + region.group(2)
                            + ": yours to write; the task is in the README.md next to this file.");
                    out.add(indent + "throw new UnsupportedOperationException(\"" + where
                            + " is not written yet; the task is in the README.md next to " + exercise.fileName()
                            + "\");");
                } else {
                    out.add(indent + "// " + where + " as a first try writes it: it runs, and `queuelab check "
                            + region.group(2)
                            + "` shows how it fails. Yours to rewrite: the task is in the README.md.");
                    out.addAll(firstTry);
                }
                region = null;
                inFirstTry = false;
            } else if (region != null && FIRST_TRY.matcher(line).matches()) {
                inFirstTry = true;
            } else if (inFirstTry) {
                Matcher commented = COMMENTED.matcher(line);
                firstTry.add(commented.matches() ? commented.group(1) + commented.group(2) : line);
            } else if (region == null) {
                out.add(line);
            }
        }
        return String.join("\n", out);
    }

    /** The solution as a learner reads it: without the region markers. */
    public static String shown(String solution) {
        List<String> out = new ArrayList<>();
        boolean inFirstTry = false;
        for (String l : solution.lines().toList()) {
            if (FIRST_TRY.matcher(l).matches()) {
                inFirstTry = true;
            } else if (END.matcher(l).matches()) {
                inFirstTry = false;
            } else if (!inFirstTry && !BEGIN.matcher(l).matches()) {
                out.add(l);
            }
        }
        return String.join("\n", out) + "\n";
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
