package dev.queuelab.bench.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code queuelab bench --report}: the report step as a user runs it, on a recorded run. */
class BenchCommandTest {

    @TempDir
    Path tmp;

    @Test
    void shouldReplaceOnlyTheResultsBlockWhenThePageHasOne() throws Exception {
        Path results = tmp.resolve("results.json");
        Files.copy(Path.of("src/test/resources/recorded-quick-run.json"), results);
        Files.copy(
                Path.of("src/test/resources/recorded-quick-run.machine.properties"),
                tmp.resolve("results.machine.properties"));
        Path page = Files.writeString(
                tmp.resolve("benchmarks.md"),
                "# Benchmarks\n\nIntro kept.\n\n" + BenchCommand.START + "\nold numbers\n" + BenchCommand.END
                        + "\n\nOutro kept.\n");
        Run run = run("--report", results.toString(), "--doc", page.toString());
        assertThat(run.code).as(run.err).isEqualTo(BenchCommand.OK);
        String text = Files.readString(page);
        assertThat(text)
                .startsWith("# Benchmarks\n\nIntro kept.")
                .endsWith("Outro kept.\n")
                .doesNotContain("old numbers")
                .contains("Measured on 2 cores")
                .contains("![Send, receive, ack in one thread](benchmarks/cycle.svg)");
        assertThat(tmp.resolve("benchmarks/cycle.svg")).exists();
    }

    @Test
    void shouldSayItIsASmokeTestFirstAndLastWhenTheRunIsQuick() throws Exception {
        Path results = tmp.resolve("results.json");
        Files.copy(Path.of("src/test/resources/recorded-quick-run.json"), results);
        Files.copy(
                Path.of("src/test/resources/recorded-quick-run.machine.properties"),
                tmp.resolve("results.machine.properties"));
        Path page = tmp.resolve("benchmarks-quick.md");
        Run run = run("--quick", "--report", results.toString(), "--doc", page.toString());
        assertThat(run.code).as(run.err).isEqualTo(BenchCommand.OK);
        java.util.List<String> lines = run.out.lines().toList();
        assertThat(lines.get(0))
                .as("the first line says the figures are a smoke test")
                .isEqualTo(BenchCommand.SMOKE);
        assertThat(lines.get(lines.size() - 1)).as("and so does the last").isEqualTo(BenchCommand.SMOKE);
        String text = Files.readString(page);
        assertThat(text)
                .as("no goals judged on a smoke run:%n%s", text)
                .doesNotContain("### Goals", "met |", "missed |")
                .contains("> " + BenchCommand.SMOKE + ": no goals are judged on it.")
                .endsWith("> " + BenchCommand.SMOKE + ".\n" + BenchCommand.END + "\n");
        assertThat(text).contains("### Send, receive, ack in one thread");
    }

    @Test
    void shouldRefuseGoalsWithAQuickRunOrFewerThanTwoRounds() {
        Run quick = run("--goals", "--quick", "--doc", tmp.resolve("b.md").toString());
        assertThat(quick.code).isEqualTo(BenchCommand.BAD_INPUT);
        assertThat(quick.err).contains("--goals runs the goals' own benchmarks").doesNotContain("Exception");
        assertThat(quick.err.lines()).as("bad usage is one line").hasSize(1);
        assertThat(quick.out).as("and nothing else: no smoke banner around it").isEmpty();
        Run one = run("--goals", "--rounds", "1", "--doc", tmp.resolve("b.md").toString());
        assertThat(one.code).isEqualTo(BenchCommand.BAD_INPUT);
        assertThat(one.err).contains("--rounds must be at least 2");
        assertThat(tmp.resolve("b.md")).doesNotExist();
    }

    @Test
    void shouldNarrowGoalsToAPatternOnlyIntoAPageOfItsOwn() {
        Run none =
                run("--goals", "NoSuchBenchmark", "--doc", tmp.resolve("b.md").toString());
        assertThat(none.code).isEqualTo(BenchCommand.BAD_INPUT);
        assertThat(none.err)
                .contains("no benchmark with goals matches NoSuchBenchmark")
                .contains("FanoutBenchmark.publishThenEveryoneReads")
                .doesNotContain("Exception");
        Run noDoc = run("--goals", "Fanout");
        assertThat(noDoc.code).isEqualTo(BenchCommand.BAD_INPUT);
        assertThat(noDoc.err).contains("give --doc FILE").doesNotContain("Exception");
        assertThat(tmp.resolve("b.md")).doesNotExist();
    }

    @Test
    void shouldReplaceOnlyTheGoalsBlockAndWriteTheJsonBesideThePage() throws Exception {
        Path page = Files.writeString(
                tmp.resolve("benchmarks.md"),
                "# Benchmarks\n\nIntro kept.\n\n" + BenchCommand.GOALS_START + "\nold verdicts\n"
                        + BenchCommand.GOALS_END + "\n\n" + BenchCommand.START + "\nresults kept\n" + BenchCommand.END
                        + "\n");
        dev.queuelab.bench.goals.PairedForks forks = dev.queuelab.bench.goals.GoalReportTest.cycleForks();
        dev.queuelab.bench.goals.GoalReport.Run run = dev.queuelab.bench.goals.GoalReportTest.run(
                forks, dev.queuelab.bench.goals.Goals.judge(dev.queuelab.bench.goals.GoalReportTest.CYCLE, forks, 23));
        BenchCommand.writeGoals(run, page);
        String text = Files.readString(page);
        assertThat(text)
                .startsWith("# Benchmarks\n\nIntro kept.\n\n" + BenchCommand.GOALS_START + "\nJudged by")
                .contains("results kept")
                .contains("**0 met, 2 missed, 0 not decided**")
                .doesNotContain("old verdicts");
        assertThat(Files.readString(tmp.resolve("benchmarks/goals.json"))).contains("\"verdict\" : \"missed\"");
    }

    @Test
    void shouldExplainWhenTheResultsFileIsMissing() {
        Run run = run(
                "--report",
                tmp.resolve("nope.json").toString(),
                "--doc",
                tmp.resolve("b.md").toString());
        assertThat(run.code).isEqualTo(BenchCommand.BAD_INPUT);
        assertThat(run.err).contains("nope.json does not exist").doesNotContain("Exception");
    }

    @Test
    void shouldFailAndLeaveThePageAloneWhenACounterThatMustStayZeroIsNot() throws Exception {
        Path results = tmp.resolve("results.json");
        String json = Files.readString(Path.of("src/test/resources/recorded-quick-run.json"));
        com.fasterxml.jackson.databind.node.ArrayNode rows = (com.fasterxml.jackson.databind.node.ArrayNode)
                new com.fasterxml.jackson.databind.ObjectMapper().readTree(json);
        for (com.fasterxml.jackson.databind.JsonNode row : rows) {
            if (row.get("benchmark").asText().endsWith("CycleBenchmark.cycle")
                    && row.path("params").path("impl").asText().equals("WorkQueue")) {
                ((com.fasterxml.jackson.databind.node.ObjectNode)
                                row.path("secondaryMetrics").path("refused"))
                        .put("score", 7.0);
            }
        }
        Files.writeString(results, rows.toString());
        Path page = Files.writeString(tmp.resolve("benchmarks.md"), "# Benchmarks\n\nkept as it was\n");
        Run run = run("--report", results.toString(), "--doc", page.toString());
        assertThat(run.code).as(run.err).isEqualTo(BenchCommand.RUN_FAILED);
        assertThat(run.err)
                .contains("THIS RUN IS WRONG, NOT SLOW")
                .contains("CycleBenchmark.cycle impl=WorkQueue: refused = 7.0");
        assertThat(Files.readString(page))
                .as("a wrong run publishes nothing")
                .isEqualTo("# Benchmarks\n\nkept as it was\n");
    }

    @Test
    void shouldSayHowToBuildTheJarWhenTheGoalsForksHaveNoneToRun() {
        BenchCommand command = new BenchCommand();
        command.root = tmp; // a checkout with nothing built
        StringWriter err = new StringWriter();
        int code = new CommandLine(command)
                .setOut(new PrintWriter(new StringWriter()))
                .setErr(new PrintWriter(err))
                .execute("--goals", "Cycle", "--doc", tmp.resolve("b.md").toString());
        assertThat(code).isEqualTo(BenchCommand.BAD_INPUT);
        assertThat(err.toString())
                .contains("benchmarks.jar is missing: build it with ./mvnw -q -pl benchmarks -am package -DskipTests")
                .doesNotContain("Exception");
        assertThat(System.getProperty("java.class.path"))
                .as("the forks' class path is set only while they run")
                .doesNotContain("benchmarks.jar");
    }

    @Test
    void shouldForkFromTheJarOnlyWhileTheForksRunEvenWhenOneFails() {
        String own = System.getProperty("java.class.path");
        Path jar = tmp.resolve("benchmarks.jar");
        assertThat(BenchCommand.forkingFrom(jar, () -> System.getProperty("java.class.path")))
                .as("what JMH gives each fork meanwhile")
                .isEqualTo(jar.toString());
        assertThat(System.getProperty("java.class.path")).isEqualTo(own);
        assertThatThrownBy(() -> BenchCommand.forkingFrom(jar, () -> {
                    throw new IllegalStateException("a fork failed");
                }))
                .hasMessage("a fork failed");
        assertThat(System.getProperty("java.class.path"))
                .as("restored after a failed fork too")
                .isEqualTo(own);
    }

    private Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = new CommandLine(new BenchCommand())
                .setOut(new PrintWriter(out))
                .setErr(new PrintWriter(err))
                .execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    private record Run(int code, String out, String err) {}

    @Test
    void shouldRunExactlyTheReportsBenchmarksWhenItNamesNone() {
        java.util.List<String> selection = BenchCommand.selection(java.util.List.of());
        assertThat(selection).hasSize(1);
        java.util.regex.Pattern regex = java.util.regex.Pattern.compile(selection.get(0));
        java.util.function.Predicate<String> runs =
                name -> regex.matcher("dev.queuelab.bench." + name).find(); // JMH finds its regex in the name
        assertThat(dev.queuelab.bench.report.Suite.ALL)
                .as("every table of the report has its benchmark run")
                .allSatisfy(suite -> assertThat(runs.test(suite.benchmark()))
                        .as(suite.benchmark())
                        .isTrue());
        assertThat(java.util.List.of(
                        "BrokerPeersFanoutBenchmark.publishThenEveryoneReads",
                        "BrokerPeersQueueBenchmark.cycle",
                        "PostgresBenchmark.cycle",
                        "DurableLogLatencyBenchmark.durableAppend1Producer",
                        "BackpressureOverloadBenchmark.round",
                        "CycleBenchmark.cycleWithSomethingMore"))
                .as("the full and quick runs need only a JDK and write only the report's tables: the peers and"
                        + " Postgres start servers, and those without a table run by name")
                .noneMatch(runs);
        assertThat(BenchCommand.selection(java.util.List.of("BrokerPeers", "Cycle")))
                .as("named benchmarks run as named")
                .containsExactly("BrokerPeers", "Cycle");
    }
}
