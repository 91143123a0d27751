package dev.queuelab.bench.goals;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.queuelab.bench.report.Machine;
import dev.queuelab.bench.report.Report;
import dev.queuelab.bench.report.Suite;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Goals judged on scripted forks: the figures worked out by hand, the report giving intervals. */
public class GoalReportTest {

    public static final Suite CYCLE = suite("CycleBenchmark.cycle");

    static Suite suite(String benchmark) {
        return Suite.ALL.stream()
                .filter(s -> s.benchmark().equals(benchmark))
                .findFirst()
                .orElseThrow();
    }

    /** Ten rounds: ArrayBlockingQueue at 75 M/s times the round's load, the work queue at 0.12x to 0.14x of it. */
    public static PairedForks cycleForks() {
        double[] load = {1, 0.5, 1.2, 0.3, 1, 0.9, 0.2, 1.1, 1, 0.8};
        double[] ratio = {0.13, 0.12, 0.14, 0.13, 0.13, 0.12, 0.14, 0.13, 0.13, 0.13};
        return PairedForks.run(List.of("ArrayBlockingQueue", "WorkQueue"), 10, (variant, round, rounds) -> {
            boolean queue = variant.equals("WorkQueue");
            double score = 75e6 * load[round] * (queue ? ratio[round] : 1);
            return new PairedForks.Fork(variant, score, 1, queue ? 248 : 24, queue ? 9 : 1, 3, Map.of());
        });
    }

    public static GoalReport.Run run(PairedForks forks, List<Goals.Judged> judged) {
        Map<Goals.Matchup, PairedForks> all = new LinkedHashMap<>();
        all.put(new Goals.Matchup(CYCLE, forks.variants(), true), forks);
        return new GoalReport.Run(
                new Machine(2, "AMD EPYC", "Linux amd64", "2026-12-05T01:00:00Z"),
                "OpenJDK 17",
                10,
                23,
                Duration.ofSeconds(421),
                judged,
                all);
    }

    @Test
    void shouldJudgeTheCycleOnItsPairedRatiosAndItsBytes() {
        List<Goals.Judged> judged = Goals.judge(CYCLE, cycleForks(), 23);
        assertThat(judged).hasSize(2);
        Goals.Judged ratio = judged.get(0);
        assertThat(ratio.perRound())
                .as("the ratio of each round, whatever that round's load")
                .containsExactly(
                        new double[] {0.13, 0.12, 0.14, 0.13, 0.13, 0.12, 0.14, 0.13, 0.13, 0.13},
                        org.assertj.core.data.Offset.offset(1e-12));
        assertThat(ratio.interval().median()).isCloseTo(0.13, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(ratio.verdict()).as("0.12x - 0.14x against 0.3x").isEqualTo(Verdict.MISSED);
        Goals.Judged bytes = judged.get(1);
        assertThat(bytes.interval()).isEqualTo(new Bootstrap.Interval(248, 248, 248));
        assertThat(bytes.verdict()).as("248 B against at most 200 B").isEqualTo(Verdict.MISSED);
        assertThat(ratio.subject().gcCount()).isEqualTo(9);
        assertThat(ratio.baseline().bytes()).isEqualTo(24);
    }

    @Test
    void shouldStateTheIntervalAndTheCostsBesideEveryGoal() {
        PairedForks forks = cycleForks();
        GoalReport.Run run = run(forks, Goals.judge(CYCLE, forks, 23));
        String md = GoalReport.markdown(run);
        Goals.Judged r = run.goals().get(0);
        assertThat(md)
                .contains("| " + r.goal().meaning() + " | 0.13x | "
                        + Report.ratio(r.interval().low()) + " – 0.14x | "
                        + r.goal().verdict(false) + " | 248, 24 | 9, 1 |")
                .contains("| work queue allocation per send -> receive -> ack: <= 200 B | 248 B | 248 B – 248 B |"
                        + " missed | 248, 24 | 9, 1 |")
                .contains("**0 met, 2 missed, 0 not decided**")
                .contains("The run took 7 min 1 s.")
                .contains("| CycleBenchmark.cycle | impl=WorkQueue | ");
    }

    @Test
    void shouldSayHowManyPairsWouldDecideAGoalItLeavesOpen() throws Exception {
        double[] ratio = {0.2, 0.4, 0.25, 0.35, 0.3, 0.28, 0.33, 0.22, 0.38, 0.31};
        PairedForks forks = PairedForks.run(
                List.of("ArrayBlockingQueue", "WorkQueue"),
                10,
                (v, round, n) ->
                        new PairedForks.Fork(v, v.equals("WorkQueue") ? ratio[round] : 1, 1, 180, 0, 0, Map.of()));
        GoalReport.Run run = run(forks, Goals.judge(CYCLE, forks, 23));
        Goals.Judged open = run.goals().get(0);
        assertThat(open.verdict()).as("%s around 0.3x", open.interval()).isEqualTo(Verdict.NOT_DECIDED);
        assertThat(GoalReport.verdict(open)).matches("NOT DECIDED: .*");
        assertThat(GoalReport.markdown(run)).contains("**1 met, 0 missed, 1 not decided**");
        JsonNode json = new ObjectMapper().readTree(GoalReport.json(run));
        JsonNode g = json.get("goals").get(0);
        assertThat(g.get("verdict").asText()).isEqualTo("not decided");
        assertThat(g.get("low").asDouble()).isLessThan(0.3);
        assertThat(g.get("high").asDouble()).isGreaterThan(0.3);
        assertThat(g.get("perRound")).hasSize(10);
        assertThat(json.get("goals").get(1).get("verdict").asText())
                .as("180 B <= 200 B")
                .isEqualTo("met");
        assertThat(json.get("summary").asText()).isEqualTo("1 met, 0 missed, 1 not decided");
    }

    @Test
    void shouldRegisterEveryGoalWithWhatItTeachesAndVariantsItsBenchmarkRuns() throws Exception {
        for (Suite suite : Suite.ALL) {
            String[] at = suite.benchmark().split("\\.");
            Class<?> type = Class.forName("dev.queuelab.bench." + at[0]);
            assertThat(java.util.Arrays.stream(type.getMethods())
                            .filter(m -> m.isAnnotationPresent(org.openjdk.jmh.annotations.Benchmark.class))
                            .map(m -> m.isAnnotationPresent(org.openjdk.jmh.annotations.Group.class)
                                    ? m.getAnnotation(org.openjdk.jmh.annotations.Group.class)
                                            .value()
                                    : m.getName()))
                    .as("%s: the benchmark method (or group) the registry names", suite.benchmark())
                    .contains(at[1]);
            List<String> params = List.of(type.getField(suite.axis())
                    .getAnnotation(org.openjdk.jmh.annotations.Param.class)
                    .value());
            assertThat(params).as("%s: the baseline", suite.benchmark()).contains(suite.baseline());
            assertThat(suite.goals().isEmpty() || suite.context() == null)
                    .as("%s: a suite kept as context has no goals", suite.benchmark())
                    .isTrue();
            for (Suite.Goal g : suite.goals()) {
                assertThat(g.teaches()).as("%s: what it teaches", g.meaning()).isNotBlank();
                assertThat(params).as("%s: its subject", g.meaning()).contains(g.variant());
                if (g.over() != null) {
                    assertThat(params).as("%s: what it divides by", g.meaning()).contains(g.over());
                }
            }
        }
        PairedForks forks = cycleForks();
        GoalReport.Run run = run(forks, Goals.judge(CYCLE, forks, 23));
        assertThat(GoalReport.markdown(run))
                .contains("What each goal teaches, met or not:\n\n- work queue send -> receive -> ack: >= 0.3x"
                        + " ArrayBlockingQueue offer+poll: what at-least-once bookkeeping");
        assertThat(new ObjectMapper()
                        .readTree(GoalReport.json(run))
                        .get("goals")
                        .get(1)
                        .get("teaches")
                        .asText())
                .startsWith("what a message costs the heap: 176 B");
    }

    @Test
    void shouldNameTheCauseBesideAMissWhenItsSuiteKnowsOne() {
        Suite tail = suite("TailCycleBenchmark.appendThenRead");
        PairedForks forks = PairedForks.run(
                List.of("Disruptor", "KafkaLog"),
                4,
                (v, round, n) -> new PairedForks.Fork(v, v.equals("KafkaLog") ? 1e6 : 1e7, 1, 0, 0, 0, Map.of()));
        Goals.Judged j = Goals.judge(tail, forks, 23).get(0);
        assertThat(GoalReport.verdict(j))
                .as("1 M records/s against the Disruptor's 10 M in every round: 0.10x, missed, with its cause")
                .startsWith("missed: the Disruptor's writer fills a preallocated slot");
    }

    @Test
    void shouldRunEveryGoalsVariantsAndLeaveTheTwoThreadHandoffsAsContext() {
        Map<String, List<String>> variants = new LinkedHashMap<>();
        Goals.matchups().forEach(m -> variants.put(m.suite().benchmark(), m.variants()));
        assertThat(variants)
                .doesNotContainKeys("HandoffBenchmark.handoff", "BatchHandoffBenchmark.batch", "LogTailBenchmark.tail")
                .containsEntry("CycleBenchmark.cycle", List.of("ArrayBlockingQueue", "WorkQueue"))
                .containsEntry(
                        "BatchCycleBenchmark.sendThenTake", List.of("ArrayBlockingQueue-drainTo", "WorkQueue-ackEach"))
                .containsEntry("TailCycleBenchmark.appendThenRead", List.of("Disruptor", "KafkaLog"))
                .containsEntry("VisibilityBookkeepingBenchmark.cycle", List.of("1", "100000", "1000000"))
                .containsEntry("TopicRoutingBenchmark.publishThenRead", List.of("10", "10000"))
                .containsEntry(
                        "FanoutBenchmark.publishThenEveryoneReads",
                        List.of("ArrayBlockingQueue", "RabbitFanout-2", "Redis-2", "Redis-1", "Redis-8"))
                .containsEntry(
                        "FanoutPublishBenchmark.publish",
                        List.of("RabbitFanout-1", "RabbitFanout-8", "Redis-1", "Redis-8"));
        assertThat(Goals.matching(List.of("Fanout", "TopicRouting")).stream()
                        .map(m -> m.suite().benchmark()))
                .as("a narrowed run: only the benchmarks a regex finds")
                .containsExactly(
                        "FanoutBenchmark.publishThenEveryoneReads",
                        "FanoutPublishBenchmark.publish",
                        "TopicRoutingBenchmark.publishThenRead");
        assertThat(Goals.matching(List.of())).hasSameSizeAs(Goals.matchups());
        assertThat(variants.get("DurableLogBenchmark.append"))
                .as("each goal's subject right after what it divides by")
                .containsExactly(
                        "raw-write+force",
                        "log-force",
                        "raw-packed+force-per-MiB",
                        "log-group-commit",
                        "raw-packed",
                        "log-page-cache");
    }
}
