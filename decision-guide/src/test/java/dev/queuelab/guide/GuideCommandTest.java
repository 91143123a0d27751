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
        CommandLine cli = new CommandLine(new GuideCommand(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), clock));
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
                "sync: [async\n", "not valid YAML or JSON");
        int n = 0;
        for (Map.Entry<String, String> c : cases.entrySet()) {
            err.getBuffer().setLength(0);
            Path f = file("bad" + n++ + ".yaml", c.getKey());
            assertThat(run("", "--answers", f.toString())).as(c.getValue()).isEqualTo(GuideCommand.BAD_INPUT);
            assertThat(err.toString()).contains(c.getValue()).doesNotContain("Exception").doesNotContain("\tat ");
        }
        assertThat(run("", "--answers", dir.resolve("missing.yaml").toString())).isEqualTo(GuideCommand.BAD_INPUT);
        assertThat(err.toString()).contains("no such file");
    }

    @Test
    void shouldWriteTheDocumentAndTheAnswersWhenGivenAFile() throws IOException {
        Path answers = file("a.json", "{\"sync\":\"async\",\"shape\":\"broadcast\",\"replay\":false,\"ordering\":\"none\","
                + "\"semantic\":\"at-least-once\",\"subscribers\":3,\"platform\":\"aws\"}");
        Path adr = dir.resolve("adr.md");
        Path saved = dir.resolve("saved.yaml");
        assertThat(run("", "--answers", answers.toString(), "--out", adr.toString(), "--save-answers", saved.toString()))
                .isEqualTo(GuideCommand.OK);
        assertThat(out.toString()).contains("wrote").contains("pub-sub-fanout");
        assertThat(Files.readString(adr)).startsWith("---\nstatus: proposed\ndate: 2026-11-27").contains("```mermaid");
        assertThat(AnswersReader.read(saved)).as("the saved answers re-run to the same answers")
                .isEqualTo(AnswersReader.read(answers));
    }

    @Test
    void shouldGoBackAndEditFromTheReviewWhenDrivenThroughStandardInput() {
        String transcript = String.join("\n",
                "2",            // 1 sync: async
                "1",            // 2 shape: distribute
                "b",            // back to question 1
                "async",        // 1 again
                "broadcast",    // 2
                "false", "none", "at-least-once",
                "30", "3", "", "100", "4", "0.5", "", "aws", "3", "", "", "",
                "3",            // review: edit answer 3 (replay)
                "true",
                "15",           // review: edit answer 15 (retention-days)
                "7",
                "") + "\n";
        assertThat(run(transcript, "--format", "json")).as(err.toString()).isEqualTo(GuideCommand.OK);
        assertThat(out.toString()).contains("(1/17)").contains("Review:").contains("why:")
                .contains("\"topology\" : \"partitioned-log\"");
    }

    @Test
    void shouldFailOnAMissingKeyWhenATemplateAsksForIt() {
        assertThatThrownBy(() -> Templates.render("adr.md", Map.of("date", "2026-11-27")))
                .isInstanceOf(Templates.MissingKeyException.class).hasMessageContaining("decisionMakers");
        assertThatThrownBy(() -> Facts.registry().get("sqs.no-such-fact")).hasMessageContaining("no fact 'sqs.no-such-fact'");
    }
}
