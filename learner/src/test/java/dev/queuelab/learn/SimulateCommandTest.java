package dev.queuelab.learn;

import static org.assertj.core.api.Assertions.assertThat;

import dev.queuelab.check.Event;
import dev.queuelab.check.draw.Timeline;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import picocli.CommandLine;

/**
 * {@code queuelab simulate}: every scenario renders as text, Mermaid and SVG, the SVG is well-formed XML with
 * a lane per actor and its faults marked, and bad input gets one line and exit 2. (No headless browser renders
 * the SVG here yet: the parse is the test.)
 */
class SimulateCommandTest {

    @Test
    void shouldListAtLeastTwelveScenariosALineEach() {
        Run run = run("--list");
        assertThat(run.code).isEqualTo(Coach.OK);
        assertThat(run.out.lines()).hasSizeGreaterThanOrEqualTo(12);
        assertThat(run.out).contains("at-most-once-loses", "dedupe-key-expired", "poison-message-to-dlq");
    }

    @Test
    void shouldRenderEveryScenarioInEveryFormat() throws Exception {
        for (Simulations.Simulation s : Simulations.ALL.values()) {
            String text = SimulateCommand.render(s, Timeline.Format.TEXT);
            assertThat(text).as(s.name()).contains("step ", "shows: ", " -> ");
            String mermaid = SimulateCommand.render(s, Timeline.Format.MERMAID);
            assertThat(mermaid).as(s.name()).startsWith("sequenceDiagram\n").contains("participant ", "Note over ");
            assertThat(mermaid.lines().skip(1)).as(s.name()).allMatch(l -> l.startsWith("    ") && !l.contains(";"));
            String svg = SimulateCommand.render(s, Timeline.Format.SVG);
            Document doc = DocumentBuilderFactory.newInstance()
                    .newDocumentBuilder()
                    .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
            assertThat(doc.getDocumentElement().getTagName()).isEqualTo("svg");
            assertThat(doc.getElementsByTagName("circle").getLength())
                    .as(s.name())
                    .isPositive();
            int width = Integer.parseInt(doc.getDocumentElement().getAttribute("width"));
            org.w3c.dom.NodeList texts = doc.getElementsByTagName("text");
            for (int i = 0; i < texts.getLength(); i++) {
                org.w3c.dom.Element t = (org.w3c.dom.Element) texts.item(i);
                if (!t.getAttribute("text-anchor").isEmpty()) {
                    continue; // a lane's name, centred on its line
                }
                double perChar = t.getAttribute("font-size").equals("14") ? 8.5 : 7.3;
                double end = Double.parseDouble(t.getAttribute("x"))
                        + t.getTextContent().length() * perChar;
                assertThat(end)
                        .as("%s: '%s' ends inside the picture", s.name(), t.getTextContent())
                        .isLessThanOrEqualTo(width);
            }
        }
    }

    @Test
    void shouldMarkTheFaultsAndNameWhatTheScenarioShows() {
        String lost = SimulateCommand.render(Simulations.ALL.get("at-most-once-loses"), Timeline.Format.TEXT);
        assertThat(lost).contains("FAULT network drops the oldest request", "shows: effect-lost");
        String expired = SimulateCommand.render(Simulations.ALL.get("dedupe-key-expired"), Timeline.Format.SVG);
        assertThat(expired).contains("fill=\"#c00\"", "duplicate-after-key-expired");
        String kept = SimulateCommand.render(Simulations.ALL.get("idempotent-consumer"), Timeline.Format.TEXT);
        assertThat(kept).contains("shows: every promise it is held to kept");
    }

    @Test
    void shouldShowEachResponseToOverloadHoldOrLose() {
        String block = SimulateCommand.render(Simulations.ALL.get("backpressure-block"), Timeline.Format.TEXT);
        assertThat(block)
                .as("BP4: m3 waits and is admitted, m4 times out and stays the producer's")
                .contains(
                        "full: waits until", "m3 admitted after waiting", "m4 timed out waiting", "the alarm is raised")
                .contains("shows: every promise it is held to kept");
        String drop = SimulateCommand.render(Simulations.ALL.get("backpressure-drop-oldest"), Timeline.Format.TEXT);
        assertThat(drop)
                .as("BP2: each drop is named; BP3: the survivors come in order")
                .contains("dropped the oldest, m1", "dropped the oldest, m2", "C polls -> m3", "C polls -> m4")
                .contains("shows: every promise it is held to kept");
        String crash = SimulateCommand.render(Simulations.ALL.get("memory-buffer-crash"), Timeline.Format.TEXT);
        assertThat(crash).as("BP5: memory loses all four").contains("shows: lost-at-restart", "m1, m2, m3, m4");
        String disk = SimulateCommand.render(Simulations.ALL.get("disk-buffer-restart"), Timeline.Format.TEXT);
        assertThat(disk)
                .as("BP5: the log keeps all four")
                .contains("C polls -> m1", "C polls -> m4", "shows: every promise it is held to kept");
    }

    @Test
    void shouldEscapeWhatXmlAndMermaidCannotHoldInAnyTopologysEvents() throws Exception {
        Event odd = new Event() {
            @Override
            public int step() {
                return 1;
            }

            @Override
            public java.time.Instant at() {
                return java.time.Instant.EPOCH;
            }

            @Override
            public String action() {
                return "x < y & \"z\"; #1";
            }

            @Override
            public String answer() {
                return "ok";
            }

            @Override
            public String process() {
                return "a <b>";
            }
        };
        Timeline timeline = new Timeline("t & <u>", java.util.List.of(odd));
        DocumentBuilderFactory.newInstance()
                .newDocumentBuilder()
                .parse(new ByteArrayInputStream(
                        timeline.render(Timeline.Format.SVG).getBytes(StandardCharsets.UTF_8)));
        assertThat(timeline.render(Timeline.Format.MERMAID))
                .doesNotContain(";", "#1")
                .contains("participant La__b_");
    }

    @Test
    void shouldWriteTheDrawingToAFile(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("d.svg");
        Run run = run("at-least-once-duplicates", "--format", "svg", "--out", file.toString());
        assertThat(run.code).as(run.err).isEqualTo(Coach.OK);
        assertThat(Files.readString(file)).startsWith("<?xml").contains("effect-duplicated");
    }

    @Test
    void shouldExitTwoWithOneLineOnBadInput() {
        Run unknown = run("no-such-scenario");
        assertThat(unknown.code).isEqualTo(Coach.BAD_INPUT);
        assertThat(unknown.err.lines()).hasSize(1);
        assertThat(unknown.err)
                .startsWith("queuelab simulate: 'no-such-scenario' is not a scenario: use one of")
                .contains("at-most-once-loses");
        Run format = run("at-most-once-loses", "--format", "png");
        assertThat(format.code).isEqualTo(Coach.BAD_INPUT);
        assertThat(format.err.strip()).isEqualTo("queuelab simulate: --format is 'png': use text, mermaid or svg");
        Run none = run();
        assertThat(none.code).isEqualTo(Coach.BAD_INPUT);
        assertThat(none.err.lines()).hasSize(1);
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = new CommandLine(new SimulateCommand())
                .setOut(new PrintWriter(out))
                .setErr(new PrintWriter(err))
                .execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    private record Run(int code, String out, String err) {}
}
