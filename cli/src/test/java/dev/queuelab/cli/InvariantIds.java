package dev.queuelab.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The invariant-id registry ({@code docs/invariants.md}) against the sources and docs: each registered id defined
 * once, in the class the registry names; no id defined under a prefix the registry does not hold; no id cited
 * that is not registered. A class header restating another's ids names that class ("numbered as in
 * {@code {@link KafkaLog}}"); an exercise's contract restates the reference's ids and a test cites them, so
 * neither defines one. A rule class that defines its ids (the crash trials' rules) does it in a string that
 * opens with the id ({@code "R1 every acknowledged append..."}).
 */
final class InvariantIds {

    /**
     * One prefix of the registry: its ids run from {@code first} to {@code last}, defined in {@code definer}: a class,
     * or a package (a folder, ending in {@code /}) whose classes define them between them, each id in one.
     */
    record Family(String prefix, int first, int last, String definer) {
        String definerName() {
            String name = definer.endsWith("/") ? definer.substring(0, definer.length() - 1) : definer;
            name = name.substring(name.lastIndexOf('/') + 1);
            return name.endsWith(".java") ? name.substring(0, name.length() - ".java".length()) : name;
        }

        boolean defines(String path) {
            return definer.endsWith("/") ? path.startsWith(definer) : path.equals(definer);
        }
    }

    private static final Pattern ROW = Pattern.compile(
            "^\\| `([A-Z]{1,3})` \\| \\1(\\d+)(?:-\\1(\\d+))? \\| [^|]+ \\| \\[[^\\]]+\\]\\(\\.\\./([^)]+)\\) \\|$");
    private static final Pattern TYPE = Pattern.compile(
            "^(?:public |final |abstract |sealed |non-sealed )*(?:class|interface|enum|record) ", Pattern.MULTILINE);
    private static final Pattern HEADER_DEFINITION = Pattern.compile("^\\s*\\*\\s+([A-Z]{1,3})(\\d{1,2})\\s+\\S");
    private static final Pattern RULE_DEFINITION = Pattern.compile("\"([A-Z]{1,3})(\\d{1,2}) ");
    private static final Pattern CITATION = Pattern.compile("(?<![A-Za-z0-9_$])([A-Z]{1,3})(\\d{1,2})(?![A-Za-z0-9_])");
    private static final Set<String> TEXT = Set.of(".java", ".md", ".yaml", ".mustache", ".txt");
    private static final Set<String> SKIPPED = Set.of("target", ".git", ".mvn", "node_modules");

    private final Map<String, Family> families;
    private final List<String> problems = new ArrayList<>();
    private final Map<String, List<String>> definedIn = new TreeMap<>();

    InvariantIds(String registry) {
        this.families = parse(registry, problems);
    }

    static Map<String, Family> parse(String registry, List<String> problems) {
        Map<String, Family> out = new LinkedHashMap<>();
        for (String line : registry.split("\\R")) {
            Matcher m = ROW.matcher(line);
            if (!m.matches()) {
                continue;
            }
            int first = Integer.parseInt(m.group(2));
            int last = m.group(3) == null ? first : Integer.parseInt(m.group(3));
            Family f = new Family(m.group(1), first, last, m.group(4));
            if (out.put(f.prefix(), f) != null) {
                problems.add("docs/invariants.md: prefix " + f.prefix() + " is registered twice");
            }
        }
        return out;
    }

    Map<String, Family> families() {
        return families;
    }

    /** Reads every source and doc under {@code root}; returns the problems found, each one line. */
    static List<String> check(Path root) {
        InvariantIds ids = new InvariantIds(read(root.resolve("docs/invariants.md")));
        try (Stream<Path> files = Files.walk(root)) {
            files.filter(p -> Files.isRegularFile(p) && isText(root.relativize(p)))
                    .sorted()
                    .forEach(p -> ids.file(root.relativize(p).toString().replace('\\', '/'), read(p)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return ids.finish();
    }

    /** Takes one file's definitions and citations. */
    void file(String path, String text) {
        if (path.endsWith(".java")
                && !path.startsWith("exercises/")
                && (!path.contains("/src/test/") || isDefiner(path))) {
            definitions(path, text);
        }
        Matcher m = CITATION.matcher(text);
        while (m.find()) {
            Family f = families.get(m.group(1));
            int n = Integer.parseInt(m.group(2));
            if (f != null && (n < f.first() || n > f.last())) {
                problems.add(path + ": cites " + m.group() + ", which docs/invariants.md does not hold (" + f.prefix()
                        + f.first() + "-" + f.prefix() + f.last() + ")");
            }
        }
    }

    private boolean isDefiner(String path) {
        return families.values().stream().anyMatch(f -> f.defines(path));
    }

    private void definitions(String path, String text) {
        Matcher type = TYPE.matcher(text);
        String header = type.find() ? text.substring(0, type.start()) : "";
        String before = "";
        for (String line : header.split("\\R")) {
            Matcher m = HEADER_DEFINITION.matcher(line);
            if (m.find()) {
                defined(path, m.group(1), Integer.parseInt(m.group(2)), before, true);
            }
            before += line + "\n";
        }
        Matcher m = RULE_DEFINITION.matcher(text);
        while (m.find()) {
            if (families.containsKey(m.group(1)) && families.get(m.group(1)).defines(path)) {
                defined(path, m.group(1), Integer.parseInt(m.group(2)), "", false);
            }
        }
    }

    private void defined(String path, String prefix, int n, String headerBefore, boolean inHeader) {
        String id = prefix + n;
        Family f = families.get(prefix);
        if (f == null) {
            problems.add(path + ": defines " + id + ", but docs/invariants.md has no prefix " + prefix
                    + ": register the prefix with the class that defines it");
        } else if (f.defines(path)) {
            List<String> where = definedIn.computeIfAbsent(id, k -> new ArrayList<>());
            if (inHeader) {
                where.stream()
                        .filter(w -> w.endsWith(" (header)"))
                        .findFirst()
                        .ifPresent(w -> problems.add(path + ": defines " + id + ", which "
                                + w.substring(0, w.length() - " (header)".length()) + " defines already"));
            }
            where.add(path + (inHeader ? " (header)" : " (rule)"));
        } else if (!headerBefore.contains(f.definerName())) {
            problems.add(path + ": defines " + id + " again; " + f.definerName()
                    + " defines it: cite it, or restate it under \"Invariants (numbered as in {@link "
                    + f.definerName() + "})\"");
        }
    }

    /** The problems, with every registered id that nothing defines. */
    List<String> finish() {
        for (Family f : families.values()) {
            for (int n = f.first(); n <= f.last(); n++) {
                if (!definedIn.containsKey(f.prefix() + n)) {
                    problems.add(f.definer() + ": does not define " + f.prefix() + n
                            + ", which docs/invariants.md says it does");
                }
            }
        }
        return List.copyOf(problems);
    }

    private static boolean isText(Path relative) {
        for (Path part : relative) {
            if (SKIPPED.contains(part.toString())) {
                return false;
            }
        }
        String name = relative.getFileName().toString();
        return TEXT.stream().anyMatch(name::endsWith);
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
