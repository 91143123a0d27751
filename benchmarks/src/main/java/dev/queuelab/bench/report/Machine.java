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
            cpu = cpuOf(Files.readAllLines(Path.of("/proc/cpuinfo")));
        } catch (IOException | RuntimeException e) {
            // not Linux: the model name stays unknown
        }
        return new Machine(
                Runtime.getRuntime().availableProcessors(),
                cpu,
                System.getProperty("os.name") + " " + System.getProperty("os.arch"),
                now.toString());
    }

    /**
     * The first processor's model name from {@code /proc/cpuinfo}, with its family and model numbers: a virtual
     * machine may show every generation of a vendor's servers as one name ("AMD EPYC"), and the generations
     * differ by 2x in what a lock costs against a pointer chased, so a ratio of the two moves with them.
     */
    static String cpuOf(List<String> cpuinfo) {
        String name = null;
        String family = null;
        String model = null;
        for (String line : cpuinfo) {
            int colon = line.indexOf(':');
            if (line.isBlank()) {
                break; // the first processor's block ends here
            }
            if (colon < 0) {
                continue;
            }
            String key = line.substring(0, colon).strip();
            String value = line.substring(colon + 1).strip();
            switch (key) {
                case "model name" -> name = value;
                case "cpu family" -> family = value;
                case "model" -> model = value;
                default -> {}
            }
        }
        if (name == null) {
            return "unknown";
        }
        return family == null || model == null ? name : name + " (family " + family + ", model " + model + ")";
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
