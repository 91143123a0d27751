package dev.queuelab.guide;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The guide as a user drives it: files in, documents out, clear errors, and the interactive transcript. */
class GuideCommandTest {

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String stdin, String... args) {
        Clock clock = Clock.fixed(Instant.parse("2026-11-27T10:00:00Z"), ZoneOffset.UTC);
        CommandLine cli = new CommandLine(
                new GuideCommand(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), clock));
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    private Path file(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }

    @Test
    void shouldNameTheKeyAndTheAllowedValuesWhenAnAnswerIsWrong() throws IOException {
        Map<String, String> cases = Map.of(
                "sync: async\nshape: distribute\nreplay: false\nordering: none\nsemantic: at-least-once\ncolour: blue\n",
                "unknown key 'colour'",
                "sync: async\nshape: distribute\nreplay: false\nordering: sideways\nsemantic: at-least-once\n",
                "'ordering' is 'sideways': use one of none|per-key|global",
                "sync: async\nshape: distribute\nreplay: false\nordering: none\nsemantic: at-least-once\nthroughput-per-second: lots\n",
                "'throughput-per-second' is 'lots': use a number from 0 to 100000000",
                "sync: async\nshape: distribute\nreplay: false\nordering: none\nsemantic: at-least-once\nfailure: {max-attempts: 0}\n",
                "'failure.max-attempts' is 0: use a number from 1 to 1000",
                "sync: async\nshape: distribute\nreplay: false\nordering: none\n",
                "'semantic' is missing: answer one of at-most-once|at-least-once|exactly-once",
                "sync: [async\n",
                "not valid YAML or JSON");
        int n = 0;
        for (Map.Entry<String, String> c : cases.entrySet()) {
            err.getBuffer().setLength(0);
            Path f = file("bad" + n++ + ".yaml", c.getKey());
            assertThat(run("", "--answers", f.toString())).as(c.getValue()).isEqualTo(GuideCommand.BAD_INPUT);
            assertThat(err.toString())
                    .contains(c.getValue())
                    .doesNotContain("Exception")
                    .doesNotContain("\tat ");
        }
        assertThat(run("", "--answers", dir.resolve("missing.yaml").toString())).isEqualTo(GuideCommand.BAD_INPUT);
        assertThat(err.toString()).contains("no such file");
    }

    @Test
    void shouldNameTheFieldAndTheFixInOneLineWhenFailureIsNotAMap() throws IOException {
        // the reviewer's bad-failure-scalar.yaml: "failure: 30" was reported as an unknown key 'failure'
        Path scalar = file(
                "scalar.yaml",
                "sync: async\nshape: distribute\nreplay: no\nordering: none\nsemantic: at-least-once\nfailure: 30\n");
        assertThat(run("", "--answers", scalar.toString())).isEqualTo(GuideCommand.BAD_INPUT);
        assertThat(err.toString())
                .contains("'failure' is '30': give it as a map, for example failure: {max-processing-seconds: 30")
                .doesNotContain("unknown key")
                .hasLineCount(1);
        err.getBuffer().setLength(0);
        Path map = file(
                "map.yaml",
                "sync: async\nshape: distribute\nreplay: no\nordering: none\nsemantic: at-least-once\n"
                        + "failure: {max-attempts: 2}\n");
        assertThat(run("", "--answers", map.toString())).isEqualTo(GuideCommand.OK);
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void shouldGiveTheLineAndColumnInOneLineWhenTheYamlDoesNotParse() throws IOException {
        // the reviewer's bad-yaml.yaml: the parser's five-line message, without the column in the first line
        Path broken = file("broken.yaml", "sync: async\n  shape: [distribute\n");
        assertThat(run("", "--answers", broken.toString())).isEqualTo(GuideCommand.BAD_INPUT);
        assertThat(err.toString())
                .contains("not valid YAML or JSON at line 2, column 8: mapping values are not allowed here")
                .contains("fix the syntax there")
                .hasLineCount(1);
    }

    @Test
    void shouldNameTheOptionInOneLineWhenTheDateIsNotIso() throws IOException {
        Path answers = file("a.yaml", "sync: sync\n");
        assertThat(run("", "--answers", answers.toString(), "--date", "27/11/2026"))
                .isEqualTo(GuideCommand.BAD_INPUT);
        assertThat(err.toString())
                .isEqualTo("queuelab guide: --date is '27/11/2026': give it as YYYY-MM-DD, for example 2026-11-27\n")
                .doesNotContain("Exception");
        assertThat(out.toString())
                .as("nothing is written before the date is known")
                .isEmpty();
    }

    @Test
    void shouldAcceptDecimalsAndYesNoWhenAPersonWritesTheFile() throws IOException {
        Path answers = file(
                "presence.yaml",
                "sync: async\nshape: broadcast\nsubscribers: 3\nreplay: no\nordering: none\n"
                        + "semantic: at-most-once\nfailure: {max-attempts: 1, poison-expected: no}\npayload-kb: 0.2\n"
                        + "throughput-per-second: 20000\np99-processing-seconds: 0.001\n");
        assertThat(run("", "--answers", answers.toString(), "--format", "json"))
                .as(err.toString())
                .isEqualTo(GuideCommand.OK);
        assertThat(out.toString()).contains("\"topology\" : \"ephemeral-pub-sub\"");
        assertThat(AnswersReader.read(answers).context().payloadKb()).isEqualTo(0.2);
    }

    @Test
    void shouldExitOneWithTheVerdictWhenTheDesignIsInfeasible() throws IOException {
        Path answers = file(
                "ledger.yaml",
                "sync: async\nshape: distribute\nreplay: false\nordering: global\n"
                        + "semantic: at-least-once\nthroughput-per-second: 100000\np99-processing-seconds: 1\nplatform: aws\n");
        assertThat(run("", "--answers", answers.toString())).isEqualTo(GuideCommand.INFEASIBLE);
        assertThat(out.toString()).contains("**Verdict: infeasible.**").contains("order per key instead of globally");
        assertThat(err.toString()).startsWith("queuelab guide: infeasible as answered: order per key");
    }

    @Test
    void shouldCreateTheFolderWhenTheAdrGoesToDocsAdr() throws IOException {
        Path answers = file("a.yaml", "sync: sync\n");
        Path adr = dir.resolve("docs/adr/0002-queue.md");
        assertThat(run(
                        "",
                        "--answers",
                        answers.toString(),
                        "--out",
                        adr.toString(),
                        "--number",
                        "2",
                        "--supersedes",
                        "1"))
                .as(err.toString())
                .isEqualTo(GuideCommand.OK);
        assertThat(Files.readString(adr))
                .contains("supersedes: ADR-0001")
                .contains("# ADR-0002: Call the service directly, without a queue");
    }

    @Test
    void shouldRefuseInOneLineAnAdrNumberOrFormatThatCannotBe() throws IOException {
        Path answers = file("a.yaml", "sync: sync\n");
        for (String[] bad : List.of(
                new String[] {"--number", "-3"},
                new String[] {"--supersedes", "0"},
                new String[] {"--number", "4", "--supersedes", "4"},
                new String[] {"--format", "xml"})) {
            err.getBuffer().setLength(0);
            String[] args = java.util.stream.Stream.concat(
                            java.util.stream.Stream.of("--answers", answers.toString()), java.util.Arrays.stream(bad))
                    .toArray(String[]::new);
            assertThat(run("", args)).as(String.join(" ", bad)).isEqualTo(GuideCommand.BAD_INPUT);
            assertThat(err.toString().strip().lines())
                    .as(String.join(" ", bad))
                    .singleElement()
                    .asString()
                    .contains(bad[bad.length - 2]);
        }
    }

    @Test
    void shouldWriteTheDocumentAndTheAnswersWhenGivenAFile() throws IOException {
        Path answers = file(
                "a.json",
                "{\"sync\":\"async\",\"shape\":\"broadcast\",\"replay\":false,\"ordering\":\"none\","
                        + "\"semantic\":\"at-least-once\",\"subscribers\":3,\"platform\":\"aws\"}");
        Path adr = dir.resolve("adr.md");
        Path saved = dir.resolve("saved.yaml");
        assertThat(run(
                        "",
                        "--answers",
                        answers.toString(),
                        "--out",
                        adr.toString(),
                        "--save-answers",
                        saved.toString()))
                .isEqualTo(GuideCommand.OK);
        assertThat(out.toString()).contains("wrote").contains("pub-sub-fanout");
        assertThat(Files.readString(adr))
                .startsWith("---\nstatus: proposed\ndate: 2026-11-27")
                .contains("```mermaid");
        assertThat(AnswersReader.read(saved))
                .as("the saved answers re-run to the same answers")
                .isEqualTo(AnswersReader.read(answers));
    }

    @Test
    void shouldGoBackAndEditFromTheReviewWhenDrivenThroughStandardInput() {
        String transcript = String.join(
                        "\n",
                        "webhook delivery to PSP Partners", // the feature's name, its capitals kept as typed
                        "2", // 1 sync: async
                        "1", // 2 shape: distribute
                        "b", // back to question 2
                        "async", // 1 again
                        "broadcast", // 2
                        "3", // 3 subscribers, asked right after the shape
                        "no",
                        "none",
                        "at-least-once",
                        "30",
                        "3",
                        "",
                        "", // retry horizon and backoff base: the defaults
                        "",
                        "",
                        "", // producer kind: the application
                        "100",
                        "0.2",
                        "0.5",
                        "",
                        "aws",
                        "",
                        "",
                        "",
                        "", // tenant fairness: no
                        "", // no latency budget
                        "", // no bulk load
                        "", // the guide's failover policy for instances
                        "5", // review: edit answer 5 (replay)
                        "yes",
                        "20", // review: edit answer 20 (retention-days)
                        "7",
                        "")
                + "\n";
        assertThat(run(transcript, "--format", "json")).as(err.toString()).isEqualTo(GuideCommand.OK);
        assertThat(out.toString())
                .contains("(1/26)")
                .contains("(4/26) How many independent subscribers")
                .contains("Review:")
                .contains("why:")
                .contains("\"topology\" : \"partitioned-log\"")
                .containsPattern("feature +webhook delivery to PSP Partners")
                .doesNotContain("psp partners");
    }

    @Test
    void shouldSkipTheQueueQuestionsWhenTheCallerIsSynchronous() {
        String transcript = String.join(
                        "\n",
                        "", // no feature name
                        "sync", // 1: the caller waits, so no queue
                        "30",
                        "3",
                        "", // failure: the retries of a direct call still matter
                        "",
                        "",
                        "",
                        "", // producer kind
                        "100",
                        "4",
                        "0.5",
                        "",
                        "",
                        "",
                        "external",
                        "",
                        "", // no latency budget
                        "")
                + "\n";
        assertThat(run(transcript, "--format", "json")).as(err.toString()).isEqualTo(GuideCommand.OK);
        assertThat(out.toString())
                .contains("the questions about queues are skipped")
                .doesNotContain("Is this work to distribute")
                .doesNotContain("Which delivery semantic?")
                .contains("\"topology\" : \"none\"")
                .contains("an idempotency key per logical request");
    }

    @Test
    void shouldAskTheSkippedQuestionsWhenTheReviewTurnsSyncIntoAsync() {
        String transcript = String.join(
                        "\n",
                        "",
                        "sync",
                        "30",
                        "3",
                        "",
                        "",
                        "",
                        "",
                        "", // producer kind
                        "100",
                        "4",
                        "0.5",
                        "",
                        "",
                        "",
                        "",
                        "",
                        "", // no latency budget
                        "2", // review: edit answer 2 (sync)
                        "async", // review: the caller does not wait after all
                        "distribute",
                        "1",
                        "no",
                        "per-key",
                        "at-least-once", // the questions it had skipped
                        "", // tenant fairness, skipped for a synchronous caller too
                        "", // bulk load, skipped for a synchronous caller too
                        "", // minimum instances, likewise
                        "")
                + "\n";
        assertThat(run(transcript, "--format", "json")).as(err.toString()).isEqualTo(GuideCommand.OK);
        assertThat(out.toString())
                .contains("(3/26) Is this work to distribute")
                .contains("\"topology\" : \"fifo-work-queue\"");
    }

    @Test
    void shouldFailOnAMissingKeyWhenATemplateAsksForIt() {
        assertThatThrownBy(() -> Templates.render("adr.md", Map.of("date", "2026-11-27")))
                .isInstanceOf(Templates.MissingKeyException.class)
                .hasMessageContaining("status");
        assertThatThrownBy(() -> Facts.registry().get("sqs.no-such-fact"))
                .hasMessageContaining("no fact 'sqs.no-such-fact'");
    }

    @Test
    void shouldNeverRewriteTheAnswersFileWhenSaveAnswersNamesIt() throws IOException {
        String text = "# the team's answers\nsync: async\nshape: distribute\nreplay: no\nordering: none\n"
                + "semantic: at-least-once\n";
        Path answers = file("a.yaml", text);
        assertThat(run("", "--answers", answers.toString(), "--save-answers", answers.toString()))
                .isEqualTo(GuideCommand.BAD_INPUT);
        assertThat(err.toString())
                .contains("--save-answers names the --answers file itself")
                .doesNotContain("\tat ");
        assertThat(Files.readString(answers)).as("comments and 'no' kept").isEqualTo(text);
        Path other = dir.resolve("copy.yaml");
        assertThat(run("", "--answers", answers.toString(), "--save-answers", other.toString()))
                .isEqualTo(GuideCommand.OK);
        assertThat(other).exists();
    }

    @Test
    void shouldSaveTheTypedAnswersBesideWhenTheInterviewStopsEarly() throws IOException {
        Path saved = dir.resolve("mine.yaml");
        assertThat(run("\nasync\ndistribute\n", "--format", "json", "--save-answers", saved.toString()))
                .isEqualTo(GuideCommand.BAD_INPUT);
        Path partial = dir.resolve("mine.partial.yaml");
        assertThat(err.toString()).contains("saved in " + partial);
        assertThat(Files.readString(partial)).contains("sync: async", "shape: distribute");
        assertThat(saved)
                .as("the answers file proper is written only when the interview ends")
                .doesNotExist();
    }
}
