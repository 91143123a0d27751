package dev.queuelab.learn;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** An exercise's hints, from vague to nearly the answer: the sections "## Hint 1", "## Hint 2"... of its hints.md. */
public final class Hints {

    private Hints() {}

    public static List<String> read(Path file) {
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            throw new LearnerException(file + " cannot be read: restore it with git checkout -- " + file);
        }
        List<String> hints = new ArrayList<>();
        StringBuilder current = null;
        for (String line : text.split("\n", -1)) {
            if (line.startsWith("## Hint ")) {
                if (current != null) {
                    hints.add(current.toString().strip());
                }
                current = new StringBuilder();
            } else if (current != null) {
                current.append(line).append('\n');
            }
        }
        if (current != null) {
            hints.add(current.toString().strip());
        }
        return hints;
    }
}
