package dev.queuelab.bench.report;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Properties;

/**
 * The machine a run was measured on, recorded beside its results ({@code results.machine.properties}), since
 * JMH's JSON names the JDK but not the cores: a ratio means something only with the machine it came from.
 *
 * @param cores the processors the JVM saw
 * @param cpu   the CPU's model name, or "unknown"
 * @param os    operating system and architecture
 * @param date  when the run ended, ISO-8601
 */
public record Machine(int cores, String cpu, String os, String date) {

    public static final Machine UNKNOWN = new Machine(0, "not recorded", "not recorded", "not recorded");

    /** This machine, now. */
    public static Machine current(Instant now) {
        String cpu = "unknown";
        try {
            List<String> info = Files.readAllLines(Path.of("/proc/cpuinfo"));
            cpu = info.stream()
                    .filter(l -> l.startsWith("model name"))
                    .map(l -> l.substring(l.indexOf(':') + 1).strip())
                    .findFirst()
                    .orElse(cpu);
        } catch (IOException | RuntimeException e) {
            // not Linux: the model name stays unknown
        }
        return new Machine(
                Runtime.getRuntime().availableProcessors(),
                cpu,
                System.getProperty("os.name") + " " + System.getProperty("os.arch"),
                now.toString());
    }

    /** The file that sits beside a results file: {@code results.json} -> {@code results.machine.properties}. */
    public static Path besides(Path results) {
        String name = results.getFileName().toString().replaceFirst("\\.json$", "");
        return results.resolveSibling(name + ".machine.properties");
    }

    public static Machine read(Path file) {
        if (!Files.exists(file)) {
            return UNKNOWN;
        }
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file)) {
            p.load(r);
            return new Machine(
                    Integer.parseInt(p.getProperty("cores", "0")),
                    p.getProperty("cpu", "unknown"),
                    p.getProperty("os", "unknown"),
                    p.getProperty("date", "unknown"));
        } catch (IOException | NumberFormatException e) {
            throw new ReportException(
                    file + " is damaged (" + e.getMessage() + "): delete it, or run the benchmarks again");
        }
    }

    public void write(Path file) throws IOException {
        Properties p = new Properties();
        p.setProperty("cores", Integer.toString(cores));
        p.setProperty("cpu", cpu);
        p.setProperty("os", os);
        p.setProperty("date", date);
        try (Writer w = Files.newBufferedWriter(file)) {
            p.store(w, "the machine queuelab bench measured on");
        }
    }

    public String describe() {
        return cores == 0 ? "machine not recorded" : cores + " cores, " + cpu + ", " + os;
    }
}
