package dev.queuelab.learn;

import dev.queuelab.check.CheckResult;
import dev.queuelab.check.draw.Timeline;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * {@code check N --diagram FILE}: a failing check's story drawn as {@code simulate} draws its scenarios, a lane
 * per actor and the faults marked, so that a learner sees their own bug as a picture. The file's extension picks
 * the format: {@code .svg}, {@code .mmd} (Mermaid) or {@code .txt}.
 */
public record Diagram(Path file, Timeline.Format format) {

    /** The diagram a {@code --diagram} value asks for, or one line saying which extensions there are. */
    static Diagram of(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        Timeline.Format format;
        if (name.endsWith(".svg")) {
            format = Timeline.Format.SVG;
        } else if (name.endsWith(".mmd")) {
            format = Timeline.Format.MERMAID;
        } else if (name.endsWith(".txt")) {
            format = Timeline.Format.TEXT;
        } else {
            throw new LearnerException(
                    "--diagram is '" + file + "': end the file's name in .svg, .mmd (Mermaid) or .txt",
                    Coach.BAD_INPUT);
        }
        return new Diagram(file, format);
    }

    /** Draws the failure's story to the file; the line to print says what was drawn, or why nothing was. */
    String draw(Exercise exercise, CheckResult result) {
        if (result.passed()) {
            return "--diagram: the checks pass, so there is no failing story to draw (" + file + " not written)";
        }
        if (result.timeline().isEmpty()) {
            return "--diagram: this failure has no story in steps to draw (" + file + " not written)";
        }
        String title = "exercise " + exercise.number() + ", " + result.property() + ": "
                + result.anomaly()
                        .map(a -> a.name() + " at step " + a.step() + " -- " + a.rule())
                        .orElse("failed");
        try {
            Files.writeString(file, new Timeline(title, result.timeline()).render(format));
        } catch (IOException e) {
            throw new UncheckedIOException("writing " + file, e);
        }
        return "Drawn:         " + file + " (the story as a timeline, a lane per actor, faults in red)";
    }
}
