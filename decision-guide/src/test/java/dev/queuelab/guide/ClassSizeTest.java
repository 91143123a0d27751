package dev.queuelab.guide;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * No class of the guide's own code passes 400 lines: a product's ways live in its {@link ProductRules}, the
 * design's arithmetic in {@link Design}, {@link Sizer}, {@link DesignSettings} and {@link DesignChecks}, so none
 * of them grows into the one class that knows everything. Counted from the sources, not from what a class says of
 * itself.
 */
class ClassSizeTest {

    static final int MAX_LINES = 400;

    @Test
    void shouldKeepEveryMainClassWithin400LinesWhenCountingTheSources() {
        Path main = Path.of("src/main/java/dev/queuelab/guide");
        assertThat(main).isDirectory();
        assertThat(sources(main)).hasSizeGreaterThan(30);
        assertThat(tooLong(main)).as("classes over " + MAX_LINES + " lines").isEmpty();
    }

    @Test
    void shouldNameAClassOf401LinesWhenOneIsThere(@TempDir Path dir) throws IOException {
        Files.write(dir.resolve("Long.java"), Collections.nCopies(MAX_LINES + 1, "//"));
        Files.write(dir.resolve("Short.java"), Collections.nCopies(MAX_LINES, "//"));
        assertThat(tooLong(dir)).containsExactly("Long.java: 401 lines");
    }

    static List<String> tooLong(Path dir) {
        return sources(dir).stream()
                .map(p -> p.getFileName() + ": " + lines(p) + " lines")
                .filter(s -> Integer.parseInt(s.replaceAll(".*: (\\d+) lines", "$1")) > MAX_LINES)
                .toList();
    }

    private static List<Path> sources(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.toString().endsWith(".java")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long lines(Path p) {
        try (Stream<String> l = Files.lines(p)) {
            return l.count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
