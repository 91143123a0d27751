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
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Follows JMH's output: every line into the log, and on the terminal one line per forked JVM as it starts
 * ("fork 3 (1% done, ETA 00:18:31): CycleBenchmark.cycle (impl = WorkQueue)") and the summary table JMH prints
 * at the end. JMH says how far it is by time, not how many forks are left: forks of different lengths made a
 * count worked out from its percentage move from line to line (196, 198, 197), so the line gives JMH's own
 * figures.
 */
final class JmhProgress {

    private static final Pattern PROGRESS = Pattern.compile("# Run progress: ([\\d.]+)% complete, ETA (\\S+)");

    private final PrintWriter out;
    private int run;
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
            out.println(String.format(
                    Locale.ROOT,
                    "fork %d (%.0f%% done, ETA %s): %s%s",
                    run,
                    Math.floor(done),
                    progress.group(2),
                    benchmark,
                    parameters));
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
