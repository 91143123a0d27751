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
            for (JmhResult r : rows.stream()
                    .filter(r -> r.benchmark().equals(suite.benchmark()))
                    .toList()) {
                JmhResult.Score s = score(suite, r);
                double expected = s.median() / score(suite, base).median();
                assertThat(md)
                        .as(
                                "%s %s: its ratio to %s from the same file",
                                suite.benchmark(), r.params(), suite.baseline())
                        .contains("| " + r.params().get(suite.axis()) + " | " + Report.number(s.median()) + " | "
                                + Report.range(s) + " | " + Report.number(s.error()) + " | " + Report.ratio(expected)
                                + " |");
            }
        }
        assertThat(md)
                .contains("| ArrayBlockingQueue | ")
                .contains(" | 1.00x | ")
                .as("one run's medians judge no goal: paired forks do")
                .doesNotContain("### Goals", "| met |", "| missed");
    }

    /**
     * Worked out by hand from the recorded file, not by the code under test: the work queue's cycle, the median of
     * its forks' medians, is 1,594,651 round trips/s, ArrayBlockingQueue's 8,221,494, so the ratio is 0.19x.
     */
    @Test
    void shouldPrintTheRatioWorkedOutByHandWhenReadingTheRecordedCycle() {
        String md = Report.render(JmhResult.read(RECORDED), Machine.UNKNOWN, "charts")
                .markdown();
        String row = md.lines()
                .filter(l -> l.startsWith("| WorkQueue | 1.59 M |"))
                .findFirst()
                .orElse("(no such row)");
        assertThat(row)
                .as("the cycle's WorkQueue row: 1.59 M round trips/s, 0.19x of 8.22 M")
                .contains("| 0.19x |");
        assertThat(md).contains("| ArrayBlockingQueue | 8.22 M |");
    }

    @Test
    void shouldFollowTheBaselineWhenItsScoreChanges() {
        List<JmhResult> rows = new ArrayList<>(JmhResult.read(RECORDED));
        Suite cycle = Suite.ALL.stream()
                .filter(s -> s.benchmark().equals("CycleBenchmark.cycle"))
                .findFirst()
                .orElseThrow();
        JmhResult base = find(rows, cycle, "ArrayBlockingQueue");
        double halved = base.primary().median() / 2;
        rows.set(
                rows.indexOf(base),
                new JmhResult(
                        base.benchmark(),
                        base.params(),
                        new JmhResult.Score(halved, Double.NaN, "ops/s"),
                        base.secondary(),
                        base.jdk(),
                        base.jvmArgs(),
                        base.shape()));
        JmhResult.Score workQueue = find(rows, cycle, "WorkQueue").primary();
        String md = Report.render(rows, Machine.UNKNOWN, "charts").markdown();
        assertThat(md)
                .as("a ratio is computed, not remembered: halve the baseline, the ratio doubles")
                .contains("| WorkQueue | " + Report.number(workQueue.median()) + " | " + Report.range(workQueue) + " | "
                        + Report.number(workQueue.error()) + " | " + Report.ratio(workQueue.median() / halved) + " |");
    }

    @Test
    void shouldDrawOneBarPerVariantInAWellFormedSvg() throws Exception {
        List<JmhResult> rows = JmhResult.read(RECORDED);
        Map<String, String> charts =
                Report.render(rows, Machine.UNKNOWN, "charts").charts();
        assertThat(charts)
                .containsKeys(
                        "handoff.svg", "cycle.svg", "fifogroups.svg", "visibilitybookkeeping.svg", "diskappend.svg");
        for (Suite suite : Suite.ALL) {
            String name =
                    suite.benchmark().replaceFirst("Benchmark\\..*", "").toLowerCase(java.util.Locale.ROOT) + ".svg";
            Document svg = DocumentBuilderFactory.newInstance()
                    .newDocumentBuilder()
                    .parse(new ByteArrayInputStream(charts.get(name).getBytes(StandardCharsets.UTF_8)));
            long variants = rows.stream()
                    .filter(r -> r.benchmark().equals(suite.benchmark()))
                    .count();
            assertThat(svg.getElementsByTagName("rect").getLength())
                    .as("%s: a background and one bar per variant", name)
                    .isEqualTo(variants + 1);
        }
    }

    @Test
    void shouldLabelTheTwoThreadHandoffsAsContextThatMeasuresTheScheduler() {
        String md = Report.render(JmhResult.read(RECORDED), Machine.UNKNOWN, "charts")
                .markdown();
        for (String title : List.of(
                "Producer/consumer handoff on two threads, one message per call",
                "Producer/consumer handoff, the consumer taking up to 10 per call",
                "Partitioned log: one writer, one tailing reader")) {
            int heading = md.indexOf("### " + title + "\n");
            assertThat(heading).as("the table %s", title).isNotNegative();
            assertThat(md.substring(heading, md.indexOf("![", heading)))
                    .as("under %s", title)
                    .contains("> Context, not a goal: on 2 shared cores")
                    .contains("measure the scheduler");
        }
        int batch = md.indexOf("### Send 10, then take them 10 per call, in one thread\n");
        assertThat(batch).as("the batched path's one-thread table").isNotNegative();
        assertThat(md.substring(batch, md.indexOf("![", batch)))
                .as("the batched path's goal is judged in one thread: no such label")
                .doesNotContain("Context, not a goal");
    }

    @Test
    void shouldSayWhenTheBaselineIsMissingFromTheRun() {
        List<JmhResult> rows = JmhResult.read(RECORDED).stream()
                .filter(r -> !(r.benchmark().equals("DiskAppendBenchmark.append")
                        && "none".equals(r.params().get("force"))))
                .toList();
        String md = Report.render(rows, Machine.UNKNOWN, "charts").markdown();
        assertThat(md)
                .contains("The baseline (force = none) is not in this run, so no ratio is computed")
                .contains("| per-record | ")
                .contains(" | n/a |");
    }

    @Test
    void shouldNameTheFileWhenItIsNotJmhJson() throws Exception {
        Path notJson = Files.writeString(tmp.resolve("results.json"), "{ nope");
        assertThatThrownBy(() -> JmhResult.read(notJson))
                .isInstanceOf(ReportException.class)
                .hasMessageContaining(notJson + " is not JSON");
        Path notJmh = Files.writeString(tmp.resolve("other.json"), "{\"a\": 1}");
        assertThatThrownBy(() -> JmhResult.read(notJmh)).hasMessageContaining("is not a JMH result file");
        assertThatThrownBy(() -> JmhResult.read(tmp.resolve("missing.json"))).hasMessageContaining("does not exist");
        Path empty = Files.writeString(tmp.resolve("empty.json"), "[]");
        assertThatThrownBy(() -> Report.render(JmhResult.read(empty), Machine.UNKNOWN, "c"))
                .hasMessageContaining("no benchmark");
    }

    @Test
    void shouldNameTheMachineWhenItWasRecorded() {
        Machine m = Machine.read(Machine.besides(RECORDED));
        assertThat(m.cores()).isEqualTo(2);
        assertThat(Report.render(JmhResult.read(RECORDED), m, "c").markdown())
                .startsWith("Measured on 2 cores, ")
                .contains(
                        "JMH: 2 forks, 1 x 500 ms warm-up, 2 x 500 ms measured; forked JVM: `-Xms1g -Xmx1g -XX:+AlwaysPreTouch`");
    }

    @Test
    void shouldRefuseToReportWhenACounterThatMustStayZeroIsNot() {
        List<JmhResult> rows = new ArrayList<>(JmhResult.read(RECORDED));
        Suite handoff = Suite.ALL.get(0);
        JmhResult wq = find(rows, handoff, "WorkQueue");
        Map<String, JmhResult.Score> secondary = new java.util.LinkedHashMap<>(wq.secondary());
        secondary.put("redelivered", new JmhResult.Score(3, Double.NaN, "#"));
        rows.set(
                rows.indexOf(wq),
                new JmhResult(
                        wq.benchmark(), wq.params(), wq.primary(), secondary, wq.jdk(), wq.jvmArgs(), wq.shape()));
        assertThatThrownBy(() -> Report.render(rows, Machine.UNKNOWN, "c"))
                .isInstanceOf(WrongResultsException.class)
                .hasMessageContaining("THIS RUN IS WRONG, NOT SLOW")
                .hasMessageContaining("HandoffBenchmark.handoff impl=WorkQueue: redelivered = 3.0");
        secondary.put("redelivered", new JmhResult.Score(0, Double.NaN, "#"));
        secondary.put("rejected", new JmhResult.Score(12345, Double.NaN, "#"));
        rows.set(
                rows.indexOf(rows.stream()
                        .filter(r ->
                                r.params().equals(wq.params()) && r.benchmark().equals(wq.benchmark()))
                        .findFirst()
                        .orElseThrow()),
                new JmhResult(
                        wq.benchmark(), wq.params(), wq.primary(), secondary, wq.jdk(), wq.jvmArgs(), wq.shape()));
        assertThat(Report.render(rows, Machine.UNKNOWN, "c").markdown())
                .as("rejected offers are backpressure, not a fault")
                .contains("12,345");
    }

    @Test
    void shouldGiveTheMedianOfTheForksAndTheirRangeWhenRunWithSeveralForks() {
        JmhResult.Score s = new JmhResult.Score(3.5, 1, "ops/s", List.of(1e6, 5e6, 3e6));
        assertThat(s.median()).as("the middle fork, not JMH's mean").isEqualTo(3e6);
        assertThat(Report.range(s)).isEqualTo("1.00 M – 5.00 M");
        assertThat(Report.range(new JmhResult.Score(3, 1, "ops/s", List.of(3e6))))
                .as("one fork has no range")
                .isEqualTo("n/a");
        assertThat(new JmhResult.Score(3, 1, "ops/s", List.of(2.0, 4.0)).median())
                .isEqualTo(3.0);
    }

    @Test
    void shouldCountBytesPerMessageWhenTheScoreIsTheConsumersShareOfAGroup() {
        Suite handoff = Suite.ALL.get(0);
        JmhResult group = new JmhResult(
                "HandoffBenchmark.handoff",
                Map.of("impl", "WorkQueue"),
                new JmhResult.Score(2e6, 0, "ops/s"),
                Map.of(
                        "messages",
                        new JmhResult.Score(1e6, 0, "ops/s"),
                        "gc.alloc.rate.norm",
                        new JmhResult.Score(100, 0, "B/op")),
                "jdk",
                List.of(),
                "shape");
        assertThat(Report.bytesPerMessage(handoff, group))
                .as("100 B per put or take, two of them per message")
                .isEqualTo(200);
        Suite cycle = Suite.ALL.stream()
                .filter(s -> s.benchmark().equals("CycleBenchmark.cycle"))
                .findFirst()
                .orElseThrow();
        JmhResult one = new JmhResult(
                "CycleBenchmark.cycle",
                Map.of("impl", "WorkQueue"),
                new JmhResult.Score(5e6, 0, "ops/s"),
                Map.of("gc.alloc.rate.norm", new JmhResult.Score(272, 0, "B/op")),
                "jdk",
                List.of(),
                "shape");
        assertThat(Report.bytesPerMessage(cycle, one)).isEqualTo(272);
        String md = Report.render(List.of(one), Machine.UNKNOWN, "c").markdown();
        assertThat(md).contains("| WorkQueue | 5.00 M | n/a | 0.0 | n/a | 272 |");
    }

    @Test
    void shouldScoreEveryCountedSuiteByACounterThatIsARate() throws Exception {
        for (Suite suite : Suite.ALL) {
            if (suite.score() == null) {
                continue;
            }
            Class<?> type =
                    Class.forName("dev.queuelab.bench." + suite.benchmark().split("\\.")[0]);
            List<org.openjdk.jmh.annotations.AuxCounters.Type> kinds = new ArrayList<>();
            for (java.lang.reflect.Method m : type.getMethods()) {
                if (!m.isAnnotationPresent(org.openjdk.jmh.annotations.Benchmark.class)) {
                    continue;
                }
                for (Class<?> p : m.getParameterTypes()) {
                    org.openjdk.jmh.annotations.AuxCounters aux =
                            p.getAnnotation(org.openjdk.jmh.annotations.AuxCounters.class);
                    if (aux != null
                            && java.util.Arrays.stream(p.getFields())
                                    .anyMatch(f -> f.getName().equals(suite.score()))) {
                        kinds.add(aux.value());
                    }
                }
            }
            assertThat(kinds)
                    .as(
                            "%s is scored by its counter '%s': JMH sums an EVENTS counter over every iteration and fork,"
                                    + " so the table's bytes per message divided by nine seconds' count, not a rate",
                            suite.benchmark(), suite.score())
                    .isNotEmpty()
                    .containsOnly(org.openjdk.jmh.annotations.AuxCounters.Type.OPERATIONS);
        }
    }

    private static JmhResult find(List<JmhResult> rows, Suite suite, String variant) {
        return rows.stream()
                .filter(r -> r.benchmark().equals(suite.benchmark())
                        && variant.equals(r.params().get(suite.axis())))
                .findFirst()
                .orElseThrow();
    }

    private static JmhResult.Score score(Suite suite, JmhResult r) {
        return suite.score() == null ? r.primary() : r.secondary().get(suite.score());
    }
}
