package dev.queuelab.guide;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The guide as a conversation: each question with why it is asked and what each option leads to; "b" goes
 * back; a review screen lets any answer be edited before the document is written. Works on a terminal and
 * on piped input alike (one answer per line).
 */
final class InteractiveGuide {

    private final BufferedReader in;
    private final PrintWriter out;
    // written by the interview, read by the Ctrl-C hook on another thread
    private final Map<String, String> answers = new java.util.concurrent.ConcurrentHashMap<>();

    InteractiveGuide(BufferedReader in, PrintWriter out) {
        this.in = in;
        this.out = out;
    }

    /** The answers typed so far, by key: what is saved when the interview is interrupted. */
    synchronized Map<String, String> typed() {
        return new java.util.TreeMap<>(answers);
    }

    Answers run() {
        List<Prompts.Prompt> prompts = Prompts.ALL;
        out.println("queuelab guide: should this go through a queue, and which one? Answer with a number or a word;");
        out.println("Enter keeps the [default], 'b' goes back.");
        for (int i = 0; i < prompts.size(); ) {
            if (skipped(prompts.get(i))) {
                i++;
                continue;
            }
            boolean answered = ask(prompts.get(i), i + 1, prompts.size());
            boolean syncJustAnswered = answered && prompts.get(i).key().equals("sync");
            i = answered ? i + 1 : Math.max(0, i - 1);
            if (syncJustAnswered && isSync()) {
                out.println();
                out.println(
                        "A caller that needs the result now gets a direct call, not a queue: the questions about queues"
                                + " are skipped.");
            }
        }
        while (true) {
            out.println();
            out.println("Review:");
            for (int i = 0; i < prompts.size(); i++) {
                if (!skipped(prompts.get(i))) {
                    out.printf(
                            "  %2d. %-32s %s%n",
                            i + 1,
                            prompts.get(i).key(),
                            answers.get(prompts.get(i).key()));
                }
            }
            out.print("Enter a number to change that answer, or press Enter to write the document: ");
            out.flush();
            String line = readLine().trim();
            if (line.isEmpty()) {
                return AnswersReader.fromValues(answers, "your answers");
            }
            try {
                int n = Integer.parseInt(line);
                if (n >= 1 && n <= prompts.size()) {
                    ask(prompts.get(n - 1), n, prompts.size());
                    // turning "sync" into "async" brings back the questions it had skipped
                    for (int i = 0; i < prompts.size(); i++) {
                        Prompts.Prompt p = prompts.get(i);
                        if (!skipped(p)
                                && !answers.containsKey(p.key())
                                && Schema.KEYS.get(p.key()).ifSync() != null) {
                            while (!ask(p, i + 1, prompts.size())) {
                                out.println("      (answer this one first: the review comes next)");
                            }
                        }
                    }
                    continue;
                }
            } catch (NumberFormatException e) {
                // fall through to the hint below
            }
            out.println(
                    "  '" + line + "' is not an answer's number: give 1 to " + prompts.size() + ", or press Enter.");
        }
    }

    private boolean isSync() {
        return Answers.Sync.SYNC.word().equals(answers.get("sync"));
    }

    /** A question an earlier answer made irrelevant: after "sync", those about queues. */
    private boolean skipped(Prompts.Prompt p) {
        if (isSync() && Schema.KEYS.get(p.key()).ifSync() != null) {
            answers.remove(p.key());
            return true;
        }
        return false;
    }

    /** Asks one question until it gets a valid answer; false when the user goes back. */
    private boolean ask(Prompts.Prompt p, int number, int total) {
        Schema.Key key = Schema.KEYS.get(p.key());
        while (true) {
            out.println();
            out.printf("(%d/%d) %s%n      why: %s%n", number, total, p.question(), p.why());
            for (int i = 0; i < p.leadsTo().size(); i++) {
                out.printf("      %d. %s%n", i + 1, p.leadsTo().get(i));
            }
            String current =
                    answers.getOrDefault(p.key(), key.fallback() == null ? null : String.valueOf(key.fallback()));
            out.print("      > " + (current == null ? "" : "[" + current + "] "));
            out.flush();
            String line = readLine().trim();
            if (line.equalsIgnoreCase("b") || line.equalsIgnoreCase("back")) {
                return false;
            }
            String value = line.isEmpty() ? current : line;
            if (key.isBoolean() && (line.equalsIgnoreCase("yes") || line.equalsIgnoreCase("no"))) {
                value = line.equalsIgnoreCase("yes") ? "true" : "false";
            }
            if (!key.isNumber()
                    && line.matches("\\d+")
                    && Integer.parseInt(line) >= 1
                    && Integer.parseInt(line) <= key.choices().size()) {
                value = key.choices().get(Integer.parseInt(line) - 1);
            }
            if (value == null) {
                out.println("      an answer is needed: " + key.allowed());
                continue;
            }
            try {
                Map<String, String> probe = new HashMap<>(defaultsForRequired());
                probe.put(p.key(), value);
                AnswersReader.fromValues(probe, "answer");
                // a choice is a word in any case; a feature's name is kept as typed ("invoice PDF rendering")
                answers.put(p.key(), key.isText() ? value : value.toLowerCase());
                return true;
            } catch (AnswersException e) {
                out.println("      " + e.getMessage().replaceFirst("^answer: ", ""));
            }
        }
    }

    /** Stand-ins for the required answers, so that one answer can be validated on its own. */
    private static Map<String, String> defaultsForRequired() {
        return Map.of(
                "sync",
                "async",
                "shape",
                "distribute",
                "replay",
                "false",
                "ordering",
                "none",
                "semantic",
                "at-least-once");
    }

    private String readLine() {
        try {
            String line = in.readLine();
            if (line == null) {
                throw new AnswersException(
                        "the input ended before every question was answered: answer each on its own line,"
                                + " or use --answers FILE");
            }
            return line;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
