package dev.queuelab.bench.command;

import dev.queuelab.bench.goals.GoalReport;
import dev.queuelab.bench.goals.GoalRun;
import dev.queuelab.bench.goals.Goals;
import dev.queuelab.bench.goals.JmhForkRunner;
import dev.queuelab.bench.goals.Verdict;
import dev.queuelab.bench.report.JmhResult;
import dev.queuelab.bench.report.Machine;
import dev.queuelab.bench.report.Report;
import dev.queuelab.bench.report.ReportException;
import dev.queuelab.bench.report.Suite;
import dev.queuelab.bench.report.WrongResultsException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code queuelab bench}: JMH throughput of each variant beside its baselines, and the report. */
@Command(
        name = "bench",
        mixinStandardHelpOptions = true,
        header = "Run the JMH benchmarks and report each variant's ratio to its baseline.",
        description = {
            "Runs benchmarks/target/benchmarks.jar (JMH), writes its JSON results, then a Markdown report "
                    + "with a table and an SVG chart per benchmark. Every ratio divides by a baseline measured in the "
                    + "same run. The default run, every benchmark the report has a table for, takes about 19 minutes on 2 quiet cores and writes docs/benchmarks.md; "
                    + "--quick is a smoke test of a few minutes: its figures are not comparable with a full run's, so it "
                    + "writes benchmarks-quick.md beside its results, without goals. JMH's own output goes to "
                    + "benchmarks/target/jmh.log; the terminal gets the progress and JMH's summary table. Arguments after -- go "
                    + "to JMH (-D and -X ones to its JVM).",
            "",
            "--goals runs only the benchmarks that have goals, in paired forks: each round runs one short fork of the"
                    + " baseline and of every subject, one after the other, and each goal's ratio is taken within a round."
                    + " A goal is met when the whole 95%% bootstrap interval of the median ratio clears it, missed when the"
                    + " whole interval falls short, not decided otherwise. It writes the Goals block of docs/benchmarks.md"
                    + " and docs/benchmarks/goals.json.",
            "",
            "Examples:",
            "  queuelab bench --goals",
            "  queuelab bench --goals --doc pubsub-goals.md Fanout TopicRouting",
            "  queuelab bench --quick",
            "  queuelab bench Handoff",
            "  queuelab bench --quick -- -Djmh.ignoreLock=true",
            "  queuelab bench --report results.json"
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:the report was written (--goals: no goal missed; goals not decided are listed as NOT DECIDED)",
            "1:the benchmarks failed, a counter that must stay 0 did not, or (--goals) a goal was missed",
            "2:bad usage or input"
        })
public final class BenchCommand implements Callable<Integer> {

    public static final int OK = 0;
    public static final int RUN_FAILED = 1;
    public static final int BAD_INPUT = 2;

    static final String START =
            "<!-- results: written by queuelab bench; edit the text around this block, not inside -->";
    static final String END = "<!-- /results -->";
    static final String GOALS_START =
            "<!-- goals: written by queuelab bench --goals; edit the text around this block, not inside -->";
    static final String GOALS_END = "<!-- /goals -->";

    @Spec
    CommandSpec spec;

    static final String SMOKE = "queuelab bench --quick: a smoke test; its figures are not comparable with a full run's"
            + " (or with each other)";

    @Parameters(
            arity = "0..*",
            paramLabel = "PATTERN",
            description = "Only the benchmarks matching this regex (JMH's; with --goals, found in Class.method);"
                    + " after --, arguments for JMH.")
    List<String> positional = new ArrayList<>();

    @Option(
            names = "--quick",
            description = "A smoke run: 1 fork, 1 short warm-up, 2 short iterations (a few minutes).")
    boolean quick;

    @Option(
            names = "--goals",
            description = "Only the benchmarks with goals, in paired forks; judge each goal on the 95%% interval of its"
                    + " median ratio; a benchmark with a goal not decided runs as many rounds again, once (about 19"
                    + " minutes on 2 quiet cores, 300 forks).")
    boolean goals;

    @Option(
            names = "--rounds",
            paramLabel = "N",
            defaultValue = "10",
            description = "With --goals: rounds of paired forks per benchmark (default: ${DEFAULT-VALUE}).")
    int rounds;

    @Option(
            names = "--seed",
            paramLabel = "SEED",
            defaultValue = "23",
            description = "With --goals: the bootstrap's seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--report", paramLabel = "FILE", description = "Only write the report, from this JMH JSON file.")
    Path reportFrom;

    @Option(
            names = "--results",
            paramLabel = "FILE",
            defaultValue = "results.json",
            description = "Where the run writes JMH's JSON (default: ${DEFAULT-VALUE}).")
    Path results;

    @Option(
            names = "--doc",
            paramLabel = "FILE",
            description = "The report's Markdown page (default: docs/benchmarks.md,"
                    + " or benchmarks-quick.md beside the results for --quick).")
    Path doc;

    Path root =
            Path.of(System.getProperty("queuelab.root", ".")).toAbsolutePath().normalize();
    Clock clock = Clock.systemUTC();

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        boolean smoke = quick && !goals; // --goals --quick is refused in one line, with no smoke banner around it
        if (smoke) {
            out.println(SMOKE);
        }
        try {
            if (goals) {
                return goals(out);
            }
            Path source = reportFrom;
            if (source == null) {
                int code = runJmh(out);
                if (code != 0) {
                    err.println("queuelab bench: JMH exited with " + code + " (its output is in " + log() + ")");
                    return RUN_FAILED;
                }
                Machine.current(clock.instant()).write(Machine.besides(results));
                source = results;
            }
            Path page = doc != null
                    ? doc
                    : quick
                            ? results.toAbsolutePath().resolveSibling("benchmarks-quick.md")
                            : root.resolve("docs/benchmarks.md");
            write(source, page, quick);
            out.println("wrote " + page + " from " + source);
            return OK;
        } catch (WrongResultsException | JmhForkRunner.ForkFailedException e) {
            err.println("queuelab bench: " + e.getMessage());
            return RUN_FAILED;
        } catch (ReportException e) {
            err.println("queuelab bench: " + e.getMessage());
            return BAD_INPUT;
        } catch (IOException e) {
            err.println("queuelab bench: " + e.getMessage() + ": check the path, its folder and the JDK (JAVA_HOME)");
            return BAD_INPUT;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return RUN_FAILED;
        } finally {
            if (smoke) {
                out.println(SMOKE);
            }
            out.flush();
            err.flush();
        }
    }

    private int goals(PrintWriter out) throws IOException {
        if (quick || reportFrom != null || positional.contains("--")) {
            throw new ReportException("--goals runs the goals' own benchmarks and shape: give it without --quick,"
                    + " --report or JMH arguments");
        }
        List<Goals.Matchup> matchups = Goals.matching(positional);
        if (matchups.isEmpty()) {
            throw new ReportException("no benchmark with goals matches " + String.join(" ", positional)
                    + ": give a regex that finds one of "
                    + Goals.matching(List.of()).stream()
                            .map(m -> m.suite().benchmark())
                            .toList());
        }
        if (!positional.isEmpty() && doc == null) {
            throw new ReportException("--goals with a PATTERN judges only some goals: give --doc FILE for its block,"
                    + " so that it does not replace every goal's block in docs/benchmarks.md");
        }
        if (rounds < 2) {
            throw new ReportException("--rounds must be at least 2 (an interval needs pairs), got " + rounds);
        }
        Path jar = jar();
        Path log = log();
        // on shared cores another JMH may hold its lock; paired forks are what keeps that run's load out of the ratios
        System.setProperty("jmh.ignoreLock", "true");
        out.println("JMH's output goes to " + log + "; its forks run " + jar);
        GoalReport.Run run =
                forkingFrom(jar, () -> GoalRun.run(matchups, rounds, seed, m -> new JmhForkRunner(m, log), clock, out));
        Path page = doc != null ? doc : root.resolve("docs/benchmarks.md");
        writeGoals(run, page);
        GoalRun.print(run, out);
        out.println("wrote " + page + " and " + goalsJson(page));
        return run.count(Verdict.MISSED) > 0 ? RUN_FAILED : OK;
    }

    /** The goals' block into {@code page} (replacing the old one, or after the page), their JSON beside it. */
    static void writeGoals(GoalReport.Run run, Path page) throws IOException {
        String block = GOALS_START + "\n" + GoalReport.markdown(run) + GOALS_END;
        String text = Files.exists(page) ? Files.readString(page) : "# Benchmarks\n";
        int from = text.indexOf(GOALS_START);
        int to = text.indexOf(GOALS_END);
        String updated = from >= 0 && to > from
                ? text.substring(0, from) + block + text.substring(to + GOALS_END.length())
                : text + "\n" + block + "\n";
        Path json = goalsJson(page);
        Files.createDirectories(json.getParent());
        Files.writeString(json, GoalReport.json(run));
        Files.writeString(page, updated);
    }

    static Path goalsJson(Path page) {
        return page.toAbsolutePath()
                .resolveSibling(page.getFileName().toString().replaceFirst("\\.md$", ""))
                .resolve("goals.json");
    }

    /** The report into {@code page} (between the markers if it has them), its charts into a folder beside it. */
    static void write(Path source, Path page, boolean smoke) throws IOException {
        List<JmhResult> rows = JmhResult.read(source);
        String chartDir = page.getFileName().toString().replaceFirst("\\.md$", "");
        Report.Rendered full = Report.render(rows, Machine.read(Machine.besides(source)), chartDir);
        Report.Rendered r = smoke
                ? new Report.Rendered(
                        "> " + SMOKE + ": no goals are judged on it.\n\n" + withoutGoals(full.markdown()) + "> " + SMOKE
                                + ".\n",
                        full.charts())
                : full;
        Path charts = page.toAbsolutePath().resolveSibling(chartDir);
        Files.createDirectories(charts);
        for (Map.Entry<String, String> chart : r.charts().entrySet()) {
            Files.writeString(charts.resolve(chart.getKey()), chart.getValue());
        }
        String block = START + "\n" + r.markdown() + END;
        String text = Files.exists(page) ? Files.readString(page) : "";
        int from = text.indexOf(START);
        int to = text.indexOf(END);
        String updated = from >= 0 && to > from
                ? text.substring(0, from) + block + text.substring(to + END.length())
                : "# Benchmarks\n\n" + block + "\n";
        Files.writeString(page, updated);
    }

    /** A smoke run's numbers are noise: the goals, judged on them, would mislead. */
    static String withoutGoals(String markdown) {
        int from = markdown.indexOf("### Goals\n");
        int to = markdown.indexOf("\n### ", from + 1);
        return from < 0 ? markdown : markdown.substring(0, from) + (to < 0 ? "" : markdown.substring(to + 1));
    }

    /** In the build's output folder: git ignores it, and the next run replaces it. */
    private Path log() throws IOException {
        return Files.createDirectories(root.resolve("benchmarks/target")).resolve("jmh.log");
    }

    /** The arguments after {@code --}: the -D and -X ones for JMH's JVM, the others for JMH. */
    private List<String> passedThrough() {
        List<String> original = spec.commandLine().getParseResult().originalArgs();
        int dashes = original.indexOf("--");
        return dashes < 0 ? List.of() : original.subList(dashes + 1, original.size());
    }

    /**
     * What JMH runs: the benchmarks the patterns find, or, with none, the benchmarks the report has a table for
     * ({@link Suite#ALL}) and no other. The rest run by name: the real brokers' peers (they start Kafka,
     * ElasticMQ and a Debian redis-server: {@code queuelab bench BrokerPeers}), Postgres's, the log's latency
     * and backpressure's, each told in the page about its topic.
     */
    static List<String> selection(List<String> patterns) {
        if (!patterns.isEmpty()) {
            return patterns;
        }
        return List.of(Suite.ALL.stream()
                .map(s -> s.benchmark().replace(".", "\\."))
                .collect(Collectors.joining("|", "\\.(", ")$")));
    }

    /**
     * What {@code forks} returns, JMH forking every JVM from {@code jar} meanwhile: JMH gives each fork the class
     * path {@code java.class.path} names, restored afterwards. On this command's own class path (every module and
     * its libraries) the same cycle compiled slower in some forks (docs/benchmarks.md, "Twice in a row").
     */
    static <T> T forkingFrom(Path jar, Supplier<T> forks) {
        String own = System.getProperty("java.class.path");
        System.setProperty("java.class.path", jar.toString());
        try {
            return forks.get();
        } finally {
            System.setProperty("java.class.path", own);
        }
    }

    /** The benchmarks' shaded jar, which every fork runs, or one line that says how to build it. */
    private Path jar() {
        Path jar = root.resolve("benchmarks/target/benchmarks.jar");
        if (!Files.exists(jar)) {
            throw new ReportException(
                    jar + " is missing: build it with ./mvnw -q -pl benchmarks -am package -DskipTests");
        }
        return jar;
    }

    private int runJmh(PrintWriter out) throws IOException, InterruptedException {
        Path jar = jar();
        List<String> through = passedThrough();
        List<String> cmd = new ArrayList<>(
                List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        through.stream().filter(a -> a.startsWith("-D") || a.startsWith("-X")).forEach(cmd::add);
        cmd.addAll(List.of("-jar", jar.toString()));
        List<String> patterns = positional.subList(0, positional.size() - through.size());
        cmd.addAll(selection(patterns));
        cmd.addAll(List.of("-rf", "json", "-rff", results.toAbsolutePath().toString()));
        cmd.addAll(List.of("-prof", "gc")); // bytes per message beside every score: they do not depend on the load
        if (quick) {
            cmd.addAll(List.of("-f", "1", "-wi", "1", "-w", "500ms", "-i", "2", "-r", "500ms"));
        }
        through.stream().filter(a -> !a.startsWith("-D") && !a.startsWith("-X")).forEach(cmd::add);
        out.println("queuelab bench: " + String.join(" ", cmd));
        out.println("JMH's output goes to " + log());
        out.flush();
        Process jmh = new ProcessBuilder(cmd)
                .directory(root.toFile())
                .redirectErrorStream(true)
                .start();
        new JmhProgress(out).follow(jmh.getInputStream(), log());
        return jmh.waitFor();
    }
}
