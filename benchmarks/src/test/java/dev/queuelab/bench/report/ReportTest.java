package dev.queuelab.bench.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

/** The report step on a JMH result file recorded from a quick run on a 2-core machine. */
class ReportTest {

    static final Path RECORDED = Path.of("src/test/resources/recorded-quick-run.json");

    @TempDir
    Path tmp;

    @Test
    void shouldComputeEveryRatioFromTheBaselineOfTheSameRun() {
        List<JmhResult> rows = JmhResult.read(RECORDED);
        String md = Report.render(rows, Machine.UNKNOWN, "charts").markdown();
        for (Suite suite : Suite.ALL) {
            JmhResult base = find(rows, suite, suite.baseline());
            for (JmhResult r : rows.stream().filter(r -> r.benchmark().equals(suite.benchmark())).toList()) {
                double expected = score(suite, r) / score(suite, base);
                assertThat(md).as("%s %s: its ratio to %s from the same file", suite.benchmark(), r.params(), suite.baseline())
                        .contains("| " + r.params().get(suite.axis()) + " | " + Report.number(score(suite, r)) + " | n/a | "
                                + Report.ratio(expected) + " |");
            }
        }
        assertThat(md).contains("| ArrayBlockingQueue | 2.80 M | n/a | 1.00x |").contains("### Goals");
    }

    @Test
    void shouldFollowTheBaselineWhenItsScoreChanges() {
        List<JmhResult> rows = new ArrayList<>(JmhResult.read(RECORDED));
        Suite cycle = Suite.ALL.stream().filter(s -> s.benchmark().equals("CycleBenchmark.cycle")).findFirst().orElseThrow();
        JmhResult base = find(rows, cycle, "ArrayBlockingQueue");
        rows.set(rows.indexOf(base), new JmhResult(base.benchmark(), base.params(),
                new JmhResult.Score(base.primary().value() / 2, Double.NaN, "ops/s"), base.secondary(), base.jdk(),
                base.jvmArgs(), base.shape()));
        double workQueue = find(rows, cycle, "WorkQueue").primary().value();
        String md = Report.render(rows, Machine.UNKNOWN, "charts").markdown();
        assertThat(md).as("a ratio is computed, not remembered: halve the baseline, the ratio doubles")
                .contains("| WorkQueue | " + Report.number(workQueue) + " | n/a | " + Report.ratio(workQueue / (base.primary().value() / 2)));
    }

    @Test
    void shouldDrawOneBarPerVariantInAWellFormedSvg() throws Exception {
        List<JmhResult> rows = JmhResult.read(RECORDED);
        Map<String, String> charts = Report.render(rows, Machine.UNKNOWN, "charts").charts();
        assertThat(charts).containsKeys("handoff.svg", "cycle.svg", "fifogroups.svg", "visibilitybookkeeping.svg", "diskappend.svg");
        for (Suite suite : Suite.ALL) {
            String name = suite.benchmark().replaceFirst("Benchmark\\..*", "").toLowerCase(java.util.Locale.ROOT) + ".svg";
            Document svg = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                    .parse(new ByteArrayInputStream(charts.get(name).getBytes(StandardCharsets.UTF_8)));
            long variants = rows.stream().filter(r -> r.benchmark().equals(suite.benchmark())).count();
            assertThat(svg.getElementsByTagName("rect").getLength()).as("%s: a background and one bar per variant", name)
                    .isEqualTo(variants + 1);
        }
    }

    @Test
    void shouldSayWhenTheBaselineIsMissingFromTheRun() {
        List<JmhResult> rows = JmhResult.read(RECORDED).stream()
                .filter(r -> !(r.benchmark().equals("DiskAppendBenchmark.append") && "none".equals(r.params().get("force"))))
                .toList();
        String md = Report.render(rows, Machine.UNKNOWN, "charts").markdown();
        assertThat(md).contains("The baseline (force = none) is not in this run, so no ratio is computed")
                .contains("| per-record | ").contains(" | n/a |");
    }

    @Test
    void shouldNameTheFileWhenItIsNotJmhJson() throws Exception {
        Path notJson = Files.writeString(tmp.resolve("results.json"), "{ nope");
        assertThatThrownBy(() -> JmhResult.read(notJson)).isInstanceOf(ReportException.class)
                .hasMessageContaining(notJson + " is not JSON");
        Path notJmh = Files.writeString(tmp.resolve("other.json"), "{\"a\": 1}");
        assertThatThrownBy(() -> JmhResult.read(notJmh)).hasMessageContaining("is not a JMH result file");
        assertThatThrownBy(() -> JmhResult.read(tmp.resolve("missing.json"))).hasMessageContaining("does not exist");
        Path empty = Files.writeString(tmp.resolve("empty.json"), "[]");
        assertThatThrownBy(() -> Report.render(JmhResult.read(empty), Machine.UNKNOWN, "c")).hasMessageContaining("no benchmark");
    }

    @Test
    void shouldNameTheMachineWhenItWasRecorded() {
        Machine m = Machine.read(Machine.besides(RECORDED));
        assertThat(m.cores()).isEqualTo(2);
        assertThat(Report.render(JmhResult.read(RECORDED), m, "c").markdown()).startsWith("Measured on 2 cores, ")
                .contains("JMH: 1 fork, 1 x 500 ms warm-up, 2 x 500 ms measured; forked JVM: `-Xms1g -Xmx1g -XX:+AlwaysPreTouch`");
    }

    private static JmhResult find(List<JmhResult> rows, Suite suite, String variant) {
        return rows.stream().filter(r -> r.benchmark().equals(suite.benchmark()) && variant.equals(r.params().get(suite.axis())))
                .findFirst().orElseThrow();
    }

    private static double score(Suite suite, JmhResult r) {
        return suite.score() == null ? r.primary().value() : r.secondary().get(suite.score()).value();
    }
}
