package dev.queuelab.learn;

import dev.queuelab.check.draw.Timeline;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code queuelab simulate NAME [--seed N] [--format text|mermaid|svg] [--out FILE]} and {@code --list}. */
@Command(
        name = "simulate",
        mixinStandardHelpOptions = true,
        header = "Watch a delivery promise hold or break: a named scenario drawn as a timeline.",
        description = {
            "Runs a named scenario on the simulated clock, judges it with the same model as the checks, and"
                    + " draws it with a lane per actor and its faults marked: as text, as a Mermaid sequence"
                    + " diagram, or as a standalone SVG.",
            "",
            "Examples:",
            "  queuelab simulate --list",
            "  queuelab simulate at-least-once-duplicates",
            "  queuelab simulate dedupe-key-expired --format svg --out expired.svg"
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:drawn (whatever the scenario shows)", "2:bad usage or input"})
public final class SimulateCommand extends LearnerCommand {

    @Parameters(paramLabel = "NAME", arity = "0..1", description = "The scenario (simulate --list names them).")
    String name;

    @Option(names = "--list", description = "Name every scenario with a line each.")
    boolean list;

    @Option(names = "--seed", paramLabel = "N", description = "The seed (the named scenarios are fixed: same drawing).")
    Long seed;

    @Option(names = "--format", paramLabel = "FORMAT", description = "text, mermaid or svg (default: text).")
    String format = "text";

    @Option(names = "--out", paramLabel = "FILE", description = "Write the drawing to FILE instead of the terminal.")
    Path out;

    @Override
    int run(PrintWriter terminal) {
        if (list) {
            Simulations.ALL.values().forEach(s -> terminal.printf("%-34s %s%n", s.name(), s.line()));
            return Coach.OK;
        }
        if (name == null) {
            throw new LearnerException("give a scenario NAME, or --list to name them");
        }
        Simulations.Simulation simulation = Simulations.ALL.get(name);
        if (simulation == null) {
            throw new LearnerException(
                    "'" + name + "' is not a scenario: use one of " + String.join(", ", Simulations.ALL.keySet()),
                    Coach.BAD_INPUT);
        }
        Timeline.Format chosen;
        try {
            chosen = Timeline.Format.named(format);
        } catch (IllegalArgumentException e) {
            throw new LearnerException(e.getMessage(), Coach.BAD_INPUT);
        }
        String drawing = render(simulation, chosen);
        if (out == null) {
            terminal.print(drawing);
            return Coach.OK;
        }
        try {
            Files.writeString(out, drawing);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        terminal.println("wrote " + out + " (" + chosen.name().toLowerCase(java.util.Locale.ROOT) + ")");
        return Coach.OK;
    }

    /** The scenario drawn in a format, with what the model found as the last line of text. */
    static String render(Simulations.Simulation simulation, Timeline.Format format) {
        Simulations.Run run = simulation.run().get();
        String verdict = run.anomaly()
                .map(a -> "shows: " + a.name() + ": " + a.rule() + " (" + a.evidence() + ")")
                .orElse("shows: every promise it is held to kept");
        String title = simulation.name() + ": " + simulation.line();
        String drawing = new Timeline(title + " -- " + verdict, run.events()).render(format);
        return format == Timeline.Format.TEXT ? drawing + verdict + "\n" : drawing;
    }
}
