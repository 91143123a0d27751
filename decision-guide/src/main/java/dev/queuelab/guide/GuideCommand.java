package dev.queuelab.guide;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code queuelab guide}: six interview questions in, a design rationale (an ADR, or JSON) out. */
@Command(
        name = "guide",
        mixinStandardHelpOptions = true,
        header = "Six interview questions in, a design rationale (an ADR) out.",
        description = {
            "Asks whether the work should go through a queue at all, and if so which topology, product, "
                    + "delivery semantic and failure handling fit, then writes the decision as a MADR 4 record or "
                    + "JSON.",
            "",
            "Examples:",
            "  queuelab guide",
            "  queuelab guide --answers answers.yaml --format json",
            "  queuelab guide --out docs/adr/0001-queue.md --save-answers answers.yaml"
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:the document was written; the design is feasible",
            "1:the document was written, and its verdict is infeasible (a requirement cannot be met as answered)",
            "2:bad usage or input (one line names the field and the fix)"
        })
public final class GuideCommand implements Callable<Integer> {

    public static final int OK = 0;
    /** The record is written, but says the design cannot work: a script that gates on the guide must see it. */
    public static final int INFEASIBLE = 1;

    public static final int BAD_INPUT = 2;

    enum Format {
        md,
        json
    }

    @Spec
    CommandSpec spec;

    @Option(
            names = "--answers",
            paramLabel = "FILE",
            description = "Answers as YAML or JSON (see docs/decision-guide.md); without it, the guide asks.")
    Path answersFile;

    @Option(
            names = "--format",
            paramLabel = "md|json",
            defaultValue = "md",
            description = "Output format: md or json (default: ${DEFAULT-VALUE}).")
    String formatWord;

    Format format;

    @Option(
            names = "--out",
            paramLabel = "FILE",
            description = "Write the document here instead of to standard output.")
    Path out;

    @Option(
            names = "--save-answers",
            paramLabel = "FILE",
            description = "Write the answers to this file, for re-runs with --answers.")
    Path saveAnswers;

    // taken as text and parsed here, so a bad date is one line naming the option, not picocli's exception text
    @Option(names = "--date", paramLabel = "YYYY-MM-DD", description = "The ADR's date (default: today).")
    String date;

    @Option(names = "--number", paramLabel = "N", description = "The ADR's number, printed as ADR-000N in its title.")
    Integer number;

    @Option(names = "--supersedes", paramLabel = "N", description = "The number of the ADR this one replaces.")
    Integer supersedes;

    private final InputStream in;
    private final Clock clock;

    public GuideCommand() {
        this(System.in, Clock.systemDefaultZone());
    }

    public GuideCommand(InputStream in, Clock clock) {
        this.in = in;
        this.clock = clock;
    }

    @Override
    public Integer call() {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter stderr = spec.commandLine().getErr();
        try {
            format = parseFormat();
            checkNumbers();
            LocalDate day = parseDate();
            checkSaveTarget();
            Answers answers = answersFile != null ? AnswersReader.read(answersFile) : interview(stdout, stderr);
            Recommendation r = RuleEngine.recommend(answers);
            String document = format == Format.json
                    ? Documents.json(r)
                    : Documents.markdown(answers, r, day, new Documents.Numbering(number, supersedes));
            if (saveAnswers != null) {
                write(saveAnswers, Documents.answersYaml(answers));
            }
            if (out != null) {
                write(out, document);
                stdout.println("wrote " + out + " (" + r.topology().word() + ": " + r.tool() + "; "
                        + r.feasibility().verdict().word() + ")");
            } else {
                stdout.print(document);
            }
            stdout.flush();
            if (!r.feasibility().feasible()) {
                stderr.println("queuelab guide: infeasible as answered: "
                        + String.join("; ", r.feasibility().nearest())
                        + (r.wayOut() == null
                                ? ""
                                : "; the nearest design that passes changes "
                                        + r.wayOut().requirement() + " from "
                                        + r.wayOut().asked() + " to "
                                        + r.wayOut().changed() + ": "
                                        + r.wayOut().design().topology().phrase() + " ("
                                        + r.wayOut().design().product().label() + ")"));
                return INFEASIBLE;
            }
            return OK;
        } catch (AnswersException e) {
            stderr.println("queuelab guide: " + e.getMessage());
            return BAD_INPUT;
        } catch (IOException e) {
            stderr.println("queuelab guide: cannot write " + e.getMessage() + ": check the path and its folder");
            return BAD_INPUT;
        }
    }

    /** --save-answers into the --answers file would rewrite it, dropping its comments and its words (yes, no). */
    private void checkSaveTarget() {
        if (saveAnswers != null
                && answersFile != null
                && saveAnswers
                        .toAbsolutePath()
                        .normalize()
                        .equals(answersFile.toAbsolutePath().normalize())) {
            throw new AnswersException("--save-answers names the --answers file itself (" + answersFile + "): it"
                    + " would be rewritten without its comments; the answers are already there, so leave"
                    + " --save-answers out, or give another file");
        }
    }

    /**
     * The interactive guide, whose typed answers survive an interruption: Ctrl-C (or input that ends early) saves
     * them beside the --save-answers file (or in the working folder) and says where, so nothing typed is lost.
     */
    private Answers interview(PrintWriter stdout, PrintWriter stderr) {
        InteractiveGuide guide = new InteractiveGuide(
                new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)),
                out == null && format == Format.md ? stderr : stdout);
        // at Ctrl-C the command's writers may already be closed: the hook speaks on the process's own stderr
        Thread onCtrlC = new Thread(() -> savePartial(guide, new PrintWriter(System.err, true)));
        Runtime.getRuntime().addShutdownHook(onCtrlC);
        try {
            return guide.run();
        } catch (AnswersException e) {
            String saved = savePartial(guide, null);
            throw saved == null ? e : new AnswersException(e.getMessage() + "; " + saved);
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(onCtrlC);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running: it saves the answers
            }
        }
    }

    /** Where typed answers go when the interview stops early: beside --save-answers, else the working folder. */
    Path partialFile() {
        Path beside = saveAnswers != null ? saveAnswers.toAbsolutePath() : Path.of("queuelab-answers.yaml");
        String name = beside.getFileName().toString().replaceAll("\\.(ya?ml|json)$", "");
        return beside.resolveSibling(name + ".partial.yaml");
    }

    /** Saves what was typed so far; returns the sentence that says where, or null when nothing was typed. */
    private String savePartial(InteractiveGuide guide, PrintWriter err) {
        Map<String, String> typed = guide.typed();
        if (typed.isEmpty()) {
            return null;
        }
        StringBuilder yaml =
                new StringBuilder("# answers typed before the guide was interrupted; complete them and run\n"
                        + "# queuelab guide --answers " + partialFile() + "\n");
        Schema.KEYS.keySet().stream()
                .filter(typed::containsKey)
                .forEach(k -> yaml.append(k).append(": ").append(typed.get(k)).append('\n'));
        try {
            write(partialFile(), yaml.toString());
        } catch (IOException e) {
            return null;
        }
        String said = "your " + typed.size() + " answer(s) so far are saved in " + partialFile();
        if (err != null) {
            err.println();
            err.println("queuelab guide: interrupted; " + said);
            err.flush();
        }
        return said;
    }

    /** Checked here, not by the parser, so a wrong value is one line that names the option, not the whole usage. */
    private Format parseFormat() {
        try {
            return Format.valueOf(formatWord);
        } catch (IllegalArgumentException e) {
            throw new AnswersException("--format is '" + formatWord + "': give md or json");
        }
    }

    private void checkNumbers() {
        if (number != null && number < 1) {
            throw new AnswersException(
                    "--number is " + number + ": give the ADR's number as a whole number from 1, for example 12");
        }
        if (supersedes != null && supersedes < 1) {
            throw new AnswersException(
                    "--supersedes is " + supersedes + ": give the replaced ADR's number, a whole number from 1");
        }
        if (number != null && number.equals(supersedes)) {
            throw new AnswersException("--supersedes is " + supersedes
                    + ", the same as --number: give the number of the ADR this one replaces");
        }
    }

    private LocalDate parseDate() {
        if (date == null) {
            return LocalDate.now(clock);
        }
        try {
            return LocalDate.parse(date);
        } catch (DateTimeParseException e) {
            throw new AnswersException("--date is '" + date + "': give it as YYYY-MM-DD, for example 2026-11-27");
        }
    }

    /** Writes a file, creating its folder: the ADR convention is docs/adr/NNNN-title.md, often not there yet. */
    private static void write(Path file, String text) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Files.writeString(file, text);
    }
}
