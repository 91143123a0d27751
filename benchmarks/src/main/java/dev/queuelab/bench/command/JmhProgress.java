package dev.queuelab.bench.command;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Follows JMH's output: every line into the log, and on the terminal one line per benchmark run
 * ("benchmark 3 of 12") and the summary table JMH prints at the end.
 */
final class JmhProgress {

    private static final Pattern PROGRESS = Pattern.compile("# Run progress: ([\\d.]+)% complete, ETA (\\S+)");

    private final PrintWriter out;
    private int run;
    private int total;
    private String benchmark = "";
    private String parameters = "";
    private boolean table;

    JmhProgress(PrintWriter out) {
        this.out = out;
    }

    void follow(InputStream jmh, Path log) throws IOException {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(jmh, StandardCharsets.UTF_8));
                Writer file = Files.newBufferedWriter(log)) {
            String line;
            while ((line = in.readLine()) != null) {
                file.write(line);
                file.write('\n');
                line(line);
            }
        }
    }

    /** One line of JMH's output: what runs next and how far it is, or a row of its final table. */
    void line(String line) {
        Matcher progress = PROGRESS.matcher(line);
        if (line.startsWith("# Benchmark: ")) {
            String name = line.substring("# Benchmark: ".length());
            benchmark = name.substring(name.lastIndexOf('.', name.lastIndexOf('.') - 1) + 1);
            parameters = "";
        } else if (line.startsWith("# Parameters: ")) {
            parameters = " " + line.substring("# Parameters: ".length());
        } else if (progress.find()) {
            double done = Double.parseDouble(progress.group(1));
            run++;
            // JMH says how far it is, not how many runs there are: after the first, the share of one run gives it
            if (run > 1 && done > 0) {
                total = (int) Math.round((run - 1) * 100 / done);
            }
            out.println("benchmark " + run + " of " + (total > 0 ? total : "?") + ": " + benchmark + parameters
                    + (run > 1 ? "  (ETA " + progress.group(2) + ")" : ""));
            out.flush();
        } else if (line.startsWith("Benchmark ") && line.contains("Score")) {
            table = true;
            out.println();
        }
        if (table && !line.isBlank()) {
            out.println(line);
        }
    }
}
