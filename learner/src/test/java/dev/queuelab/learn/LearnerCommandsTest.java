package dev.queuelab.learn;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The learner's commands as a learner uses them, in a scratch copy of the exercises. */
class LearnerCommandsTest {

    @TempDir
    Path root;

    Workspace ws;
    final Exercise first = Exercises.find("1");

    @BeforeEach
    void copyExercises() throws IOException {
        ExercisePathTest.copyTree(ExercisePathTest.REPO.resolve("exercises"), root.resolve("exercises"));
        new Workspace(root).resetToStubs(); // the course as committed, whatever the learner has done
        ws = new Workspace(root);
        Path reference = root.resolve(Recap.REFERENCE);
        Files.createDirectories(reference.getParent());
        Files.copy(ExercisePathTest.REPO.resolve(Recap.REFERENCE), reference);
        Files.copy(
                ws.stubDir(first).resolve("AckQueue.java"), ws.learnerFile(first), StandardCopyOption.REPLACE_EXISTING);
    }

    @Test
    void shouldTellTheStoryAndPointToHelpWhenTheStubIsPristine() {
        Run run = run(new CheckCommand(), "1");
        assertThat(run.code).isEqualTo(Coach.CHECK_FAILED);
        assertThat(run.out)
                .contains(
                        "FAIL work-queue/acks failed",
                        "operation-failed",
                        "AckQueue.receive is not written yet",
                        "./queuelab check 1 --property acks --seed",
                        "docs/work-queue.md#competing-consumers-and-acks",
                        "queuelab hint 1 (0 of 4 hints seen)");
        assertThat(run.out).as("plain ASCII outside a terminal").doesNotContain("✗", "→");
        assertThat(Progress.load(ws.progressFile()).isDone(first)).isFalse();
    }

    @Test
    void shouldDrawTheFailingStoryAsATimelineWhenAskedForADiagram() throws Exception {
        Path svg = root.resolve("story.svg");
        Run run = run(new CheckCommand(), "1", "--diagram", svg.toString());
        assertThat(run.code).isEqualTo(Coach.CHECK_FAILED);
        assertThat(run.out).contains("Drawn:         " + svg);
        String drawing = Files.readString(svg);
        org.w3c.dom.Document doc = javax.xml.parsers.DocumentBuilderFactory.newInstance()
                .newDocumentBuilder()
                .parse(svg.toFile());
        assertThat(doc.getDocumentElement().getTagName()).isEqualTo("svg");
        assertThat(drawing)
                .as("the story's anomaly heads the drawing, and its steps are drawn, the last one failing")
                .contains("exercise 1, work-queue/acks: operation-failed at step ", "<circle", "fill=\"#c00\"");
        Path mermaid = root.resolve("story.mmd");
        assertThat(run(new CheckCommand(), "1", "--diagram", mermaid.toString()).code)
                .isEqualTo(Coach.CHECK_FAILED);
        assertThat(Files.readString(mermaid)).startsWith("sequenceDiagram\n").contains("participant ");
        Run bad = run(
                new CheckCommand(), "1", "--diagram", root.resolve("story.png").toString());
        assertThat(bad.code).isEqualTo(Coach.BAD_INPUT);
        assertThat(bad.err).contains("--diagram is '", "end the file's name in .svg, .mmd (Mermaid) or .txt");
        assertThat(bad.err.lines()).hasSize(1);
    }

    @Test
    void shouldMarkDoneAndOfferTheNextWhenTheSolutionIsInPlace() throws IOException {
        assertThat(run(new SolutionCommand(), "1").code)
                .as("no solution before the pass")
                .isEqualTo(Coach.CHECK_FAILED);
        solve(first);
        Run check = run(new CheckCommand());
        assertThat(check.code).isEqualTo(Coach.OK);
        assertThat(check.out).contains("PASS work-queue/acks passed ", "Exercise 1 passes.", "1/4", "Next: exercise 2");
        Run path = run(new ExercisesCommand());
        assertThat(path.out)
                .contains("[x] 1. competing consumers and acks")
                .contains("[ ] 2. visibility timeout")
                .contains("ex02_visibility/VisibilityQueue.java  <- next");
        assertThat(path.out.lines())
                .as("no line of the path wider than 120 columns:%n%s", path.out)
                .allSatisfy(l -> assertThat(l.length()).isLessThanOrEqualTo(120));
        assertThat(run(new SolutionCommand(), "1").out).contains("AckQueue.java is the solution, line for line");
    }

    @Test
    void shouldShowADiffFromTheLearnersFileWhenTheSolutionIsAskedFor() {
        Run diff = run(new SolutionCommand(), "1", "--force");
        assertThat(diff.code).isEqualTo(Coach.OK);
        assertThat(diff.out)
                .as("a unified diff from the stub in place to the solution:%n%s", diff.out)
                .contains("--- exercises/src/main/java/dev/queuelab/exercises/ex01_acks/AckQueue.java (yours)")
                .containsPattern("@@ -\\d+,\\d+ \\+\\d+,\\d+ @@")
                .contains(
                        "-        throw new UnsupportedOperationException(\"exercise 1: AckQueue.send is not written yet")
                .contains("+        entries.put(message.id(), new Entry(message, now));")
                .doesNotContain("package dev.queuelab", "begin exercise", "requireBatch")
                .contains("You proved: ", "SqsWorkQueue.java");
        Run full = run(new SolutionCommand(), "1", "--force", "--full");
        assertThat(full.out)
                .contains("package dev.queuelab.exercises.ex01_acks;", "class AckQueue implements WorkQueue")
                .doesNotContain("begin exercise", "@@ -");
    }

    @Test
    void shouldNotMarkDoneWhenOnlyAReplayPassed() throws IOException {
        solve(first);
        Run replay = run(new CheckCommand(), "1", "--property", "acks", "--seed", "7", "--trials", "1");
        assertThat(replay.code).as(replay.out).isEqualTo(Coach.OK);
        assertThat(replay.out).contains("narrowed run passed");
        assertThat(Progress.load(ws.progressFile()).isDone(first)).isFalse();
    }

    @Test
    void shouldShowOneMoreHintWhenAskedAgain() {
        assertThat(run(new HintCommand(), "1").out).contains("Hint 1 of 4").doesNotContain("Hint 2");
        assertThat(run(new HintCommand(), "1").out)
                .contains("Hint 1", "Hint 2 of 4")
                .doesNotContain("Hint 3");
        run(new HintCommand(), "1");
        run(new HintCommand(), "1");
        assertThat(run(new HintCommand(), "1").out).contains("Hint 4 of 4", "That was the last hint");
        assertThat(run(new CheckCommand(), "1").out).contains("(all 4 hints seen)");
    }

    @Test
    void shouldKeepABackupWhenResetting() throws IOException {
        solve(first);
        run(new CheckCommand(), "1");
        ResetCommand reset = new ResetCommand();
        reset.clock = Clock.fixed(Instant.parse("2026-11-27T10:00:00Z"), ZoneOffset.UTC);
        Run run = run(reset, "1");
        assertThat(run.code).isEqualTo(Coach.OK);
        assertThat(ws.learnerFile(first))
                .hasSameTextualContentAs(ws.stubDir(first).resolve("AckQueue.java"));
        assertThat(root.resolve(".queuelab/backups/20261127-100000/ex01_acks/AckQueue.java"))
                .hasContent(Course.shown(Files.readString(ws.solutionDir(first).resolve("AckQueue.java"))));
        assertThat(Progress.load(ws.progressFile()).isDone(first)).isFalse();
        assertThat(run(new ResetCommand(), "--all").out).contains("reset exercise 4");
    }

    @Test
    void shouldPrintJavacsDiagnosticWhenTheCodeDoesNotCompile() throws IOException {
        Path file = ws.learnerFile(first);
        Files.writeString(
                file,
                Files.readString(file)
                        .replace("private final InstantSource clock;", "private final InstantSource clock"));
        Run run = run(new CheckCommand(), "1");
        assertThat(run.code).isEqualTo(Coach.CHECK_FAILED);
        assertThat(run.err)
                .as("javac's own layout: file:line: error, the source line, a caret under the spot, a count")
                .containsPattern(
                        "exercises/src/main/java/dev/queuelab/exercises/ex01_acks/AckQueue.java:\\d+: error: ';' expected\n"
                                + "    private final InstantSource clock\n {37}\\^\n1 error\n")
                .doesNotContain("Exception", "\tat ");
    }

    @Test
    void shouldShowTheFirstFewAndACountWhenThereAreManyErrors() throws IOException {
        Path file = ws.learnerFile(first);
        Files.writeString(file, Files.readString(file).replace("Instant ", "Instnat "));
        Run run = run(new CheckCommand(), "1");
        assertThat(run.code).isEqualTo(Coach.CHECK_FAILED);
        assertThat(run.err.split("error: cannot find symbol", -1))
                .as("three diagnostics shown of many:%n%s", run.err)
                .hasSize(4);
        assertThat(run.err)
                .containsPattern("\\d+ errors \\(the first 3 are shown")
                .contains("  symbol:   class Instnat");
    }

    @Test
    void shouldNameTheMethodAndExitOneWhenTheCodeLoopsForEver() throws IOException {
        Path file = ws.learnerFile(first);
        solve(first);
        Files.writeString(
                file,
                Files.readString(file)
                        .replace(
                                "return e.hiddenUntil != null && now.isBefore(e.hiddenUntil);",
                                "while (e.receives > 1) { now = now.plusMillis(0); }\n        return e.hiddenUntil != null && now.isBefore(e.hiddenUntil);"));
        Run run = run(new CheckCommand(), "1", "--limit", "2");
        assertThat(run.code)
                .as("a loop is the code failing, not bad usage:%n%s", run.err)
                .isEqualTo(Coach.CHECK_FAILED);
        assertThat(run.err)
                .as("the method that did not return, where it was, the calls that led there")
                .containsPattern(
                        "AckQueue\\.\\w+ did not return within 2 s: it was at AckQueue\\.java:\\d+ \\(in isHidden\\)")
                .contains("<- did not return", "--limit SECONDS")
                .doesNotContain("\tat ");
        assertThat(run(new CheckCommand(), "1", "--limit", "0").err).contains("--limit is 0: give the seconds");
    }

    @Test
    void shouldCheckEveryExerciseOnALineEachWhenAskedForAll() throws IOException {
        solve(first);
        Run run = run(new CheckCommand(), "--all");
        assertThat(run.code).as(run.out + run.err).isEqualTo(Coach.CHECK_FAILED);
        assertThat(run.out.lines().filter(l -> l.matches("(PASS|FAIL) \\d+\\. .*")))
                .as("one verdict line per exercise:%n%s", run.out)
                .containsExactly(
                        "PASS 1. competing consumers and acks",
                        "FAIL 2. visibility timeout, redelivery and extension",
                        "FAIL 3. dead-letter queue and redrive",
                        "FAIL 4. FIFO message groups and the dedup window",
                        "FAIL 5. keys, partitions and per-key order",
                        "FAIL 6. committed offsets, resume and replay",
                        "FAIL 7. consumer groups and rebalancing",
                        "FAIL 8. the idempotent producer",
                        "FAIL 9. recovering a segment after a crash",
                        "FAIL 10. topic routing",
                        "FAIL 11. the dead-letter exchange with its reason and a delivery limit",
                        "FAIL 12. fanout to durable subscriptions",
                        "FAIL 13. ordering keys with redelivery",
                        "FAIL 14. consumer groups and the pending entries list",
                        "FAIL 15. claiming from a crashed consumer, and the dead-letter stream",
                        "FAIL 16. an idempotent consumer with a TTL dedupe store",
                        "FAIL 17. a blocking buffer with a depth alarm",
                        "FAIL 18. open challenge: a bounded buffer of your own design",
                        "FAIL 19. the outbox relay");
        assertThat(run.out)
                .contains(
                        "operation-failed at step",
                        "(queuelab check 2 tells the story)",
                        "(queuelab check 8 tells the story)",
                        "(queuelab check 9 tells the story)",
                        "(queuelab check 11 tells the story)",
                        "(queuelab check 13 tells the story)",
                        "(queuelab check 16 tells the story)",
                        "consumer/idempotent failed: effect-duplicated",
                        "(queuelab check 17 tells the story)",
                        "outbox/crashes failed: message-lost",
                        "18 of 19 exercises do not pass yet");
        assertThat(run(new CheckCommand(), "--all", "2").code).isEqualTo(Coach.BAD_INPUT);
    }

    @Test
    void shouldSayWhatToReadAndRunWhenAskedWhatIsNext() throws IOException {
        assertThat(run(new NextCommand()).out)
                .contains(
                        "Next: exercise 1 (competing consumers and acks)",
                        "docs/work-queue.md#competing-consumers-and-acks",
                        "ex01_acks/README.md",
                        "queuelab check 1");
        solve(first);
        run(new CheckCommand(), "1");
        assertThat(run(new NextCommand()).out).contains("Next: exercise 2", "queuelab check 2");
    }

    @Test
    void shouldRecapWhatWasProvedWhenAnExercisePasses() throws IOException {
        solve(first);
        Run run = run(new CheckCommand(), "1");
        List<String> lines = run.out.lines().toList();
        int passed = lines.indexOf("Exercise 1 passes. [#####---------------] 1/4");
        assertThat(passed).as("the pass line:%n%s", run.out).isNotNegative();
        assertThat(lines.get(passed + 1)).startsWith("You proved: a message is hidden");
        assertThat(lines.get(passed + 2))
                .matches("Read docs/work-queue.md#competing-consumers-and-acks; the reference: "
                        + "SqsWorkQueue.java:\\d+-\\d+ and :\\d+-\\d+\\.");
        assertThat(run.out.lines())
                .as("no line wider than a terminal's 120 columns")
                .allSatisfy(l -> assertThat(l.length()).isLessThanOrEqualTo(120));
    }

    @Test
    void shouldRefuseTheReferenceWhenAnExerciseImportsIt() throws IOException {
        Path file = ws.learnerFile(first);
        Files.writeString(
                file,
                Files.readString(file)
                        .replace(
                                "import dev.queuelab.api.workqueue.Delivery;",
                                "import dev.queuelab.api.workqueue.Delivery;\nimport dev.queuelab.reference.workqueue.SqsWorkQueue;"));
        Run run = run(new CheckCommand(), "1");
        assertThat(run.code).isEqualTo(Coach.BAD_INPUT);
        assertThat(run.err).contains("AckQueue.java:4: exercises use the api only");
    }

    @Test
    void shouldNotCompileWhenAnExerciseNamesTheReferenceByItsFullName() throws IOException {
        Path file = ws.learnerFile(first);
        Files.writeString(
                file,
                Files.readString(file)
                        .replace(
                                "private final InstantSource clock;",
                                "private final InstantSource clock;\n    private dev.queuelab.reference.workqueue.SqsWorkQueue borrowed;"));
        Run run = run(new CheckCommand(), "1");
        assertThat(run.code)
                .as("the compiler sees the api module alone, so no import line is needed to be refused")
                .isEqualTo(Coach.CHECK_FAILED);
        assertThat(run.err).contains("error: package dev.queuelab.reference.workqueue does not exist");
    }

    @Test
    void shouldTellALogStoryThenPassWhenALogExerciseIsSolved() throws IOException {
        Exercise log = Exercises.find("5");
        Run fail = run(new CheckCommand(), "5");
        assertThat(fail.code).as(fail.out + fail.err).isEqualTo(Coach.CHECK_FAILED);
        assertThat(fail.out)
                .contains(
                        "Checking exercise 5 (keys, partitions and per-key order)",
                        "FAIL log/partitioning failed",
                        "operation-failed at step 1",
                        "KeyedLog.append is not written yet",
                        "./queuelab check 5 --property partitioning --seed",
                        "docs/partitioned-log.md#exercise-5-keys-partitions-and-order",
                        "queuelab hint 5 (0 of 4 hints seen)");
        assertThat(run(new CheckCommand(), "5", "--property", "groups").err)
                .contains("exercise 5 (keys, partitions and per-key order) is not judged by the property 'groups'");
        solve(log);
        Run pass = run(new CheckCommand(), "5");
        assertThat(pass.code).as(pass.out + pass.err).isEqualTo(Coach.OK);
        assertThat(pass.out)
                .contains(
                        "PASS log/partitioning passed ",
                        "Exercise 5 passes. [#####---------------] 1/4",
                        "You proved: a key always lands on murmur2(key) % N",
                        "Next: exercise 1 (competing consumers and acks)");
        assertThat(run(new SolutionCommand(), "5").out)
                .contains("KeyedLog.java is the solution, line for line", "reference/log/KafkaLog.java");
    }

    @Test
    void shouldTellACrashStoryThenPassWhenTheRecoveryExerciseIsSolved() throws IOException {
        Exercise recovery = Exercises.find("9");
        Run fail = run(new CheckCommand(), "9");
        assertThat(fail.code).as(fail.out + fail.err).isEqualTo(Coach.CHECK_FAILED);
        assertThat(fail.out)
                .contains(
                        "Checking exercise 9 (recovering a segment after a crash)",
                        "FAIL disk/damage failed",
                        "operation-failed at step",
                        "your recovery on orders-0/00000000000000000000.log",
                        "FrameRecovery.recover is not written yet",
                        "Injected: ",
                        "Kept:     nothing: the log did not open",
                        "./queuelab check 9 --property damage --seed",
                        "docs/durable-log.md#exercise-9-segment-recovery",
                        "queuelab hint 9 (0 of 4 hints seen)");
        assertThat(fail.out.lines())
                .as("the story fits a terminal's 120 columns, the evidence line aside:%n%s", fail.out)
                .filteredOn(l -> !l.startsWith("  Evidence:") && !l.startsWith("  Rule:"))
                .allSatisfy(l -> assertThat(l.length()).isLessThanOrEqualTo(120));
        solve(recovery);
        Run pass = run(new CheckCommand(), "9");
        assertThat(pass.code).as(pass.out + pass.err).isEqualTo(Coach.OK);
        assertThat(pass.out)
                .contains(
                        "PASS disk/damage passed 300 trials",
                        "PASS disk/kill passed 3 trials on 'exercise 9' (child JVMs killed with SIGKILL)",
                        "Exercise 9 passes. [####################] 1/1",
                        "You proved: recovery keeps the good prefix",
                        "Chapter 3 passes. The production-shaped version of it is");
    }

    @Test
    void shouldShowEachTopologyAsAChapterWhenListingTheExercises() throws IOException {
        Run path = run(new ExercisesCommand());
        assertThat(path.out)
                .contains(
                        "Chapter 1: the work queue (SQS-style)  [--------------------] 0/4",
                        "Chapter 2: the partitioned log (Kafka-style)  [--------------------] 0/4",
                        "Chapter 3: the log on disk (Kafka-style segments)  [--------------------] 0/1",
                        "[ ] 9. recovering a segment after a crash",
                        "[ ] 5. keys, partitions and per-key order",
                        "ex08_idempotence/IdempotentLog.java");
        assertThat(path.out.indexOf("Chapter 2")).isGreaterThan(path.out.indexOf("[ ] 4. FIFO"));
        Files.createDirectories(ws.stateDir());
        Files.writeString(
                ws.progressFile(),
                "ex01_acks.done=true\nex02_visibility.done=true\nex03_dead_letters.done=true\n"
                        + "ex04_fifo.done=true\n");
        assertThat(run(new NextCommand()).out)
                .as("next walks from the last work-queue exercise into the log's chapter")
                .contains(
                        "Next: exercise 5 (keys, partitions and per-key order)",
                        "chapter 2, the partitioned log (Kafka-style): 0 of 4 done",
                        "docs/partitioned-log.md#exercise-5-keys-partitions-and-order",
                        "queuelab check 5");
    }

    @Test
    void shouldSayWhatIsWrongWhenTheInputIsBad() throws IOException {
        Run unknown = run(new CheckCommand(), "99");
        assertThat(unknown.code).isEqualTo(Coach.BAD_INPUT);
        assertThat(unknown.err).contains("there is no exercise '99': use a number from 1 to " + Exercises.ALL.size());
        assertThat(run(new CheckCommand(), "1", "--trials", "0").err).contains("--trials is 0: use 1 or more");
        Files.createDirectories(ws.stateDir());
        Files.writeString(ws.progressFile(), "ex01_acks.done=true\nex01_acks.hints=lots\n");
        Run broken = run(new ExercisesCommand());
        assertThat(broken.code).isEqualTo(Coach.BAD_INPUT);
        assertThat(broken.err)
                .contains(".queuelab/progress line 2 ('ex01_acks.hints=lots')", "delete the file")
                .doesNotContain("Exception");
    }

    @Test
    void shouldCheckAgainWhenAFileIsSaved() throws Exception {
        CountDownLatch watching = new CountDownLatch(1);
        StringBuilder seen = new StringBuilder();
        Writer signalling = new Writer() {
            @Override
            public synchronized void write(char[] buf, int off, int len) {
                seen.append(buf, off, len);
                if (seen.indexOf("save a file to check again") >= 0) {
                    watching.countDown();
                }
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
        };
        WatchCommand watch = new WatchCommand();
        watch.workspace = ws;
        watch.clock = Clock.fixed(Instant.parse("2026-11-27T10:15:30Z"), ZoneOffset.UTC);
        CommandLine cl = new CommandLine(watch)
                .setOut(new PrintWriter(signalling, true))
                .setErr(new PrintWriter(new StringWriter()));
        int[] code = {-1};
        Thread watcher = new Thread(() -> code[0] = cl.execute("1", "--max-checks", "2"));
        watcher.start();
        assertThat(watching.await(60, TimeUnit.SECONDS))
                .as("watch checked once and waits for a save")
                .isTrue();
        solve(first);
        watcher.join(TimeUnit.SECONDS.toMillis(60));
        assertThat(watcher.isAlive()).as("watch stopped after its second check").isFalse();
        String out;
        synchronized (signalling) {
            out = seen.toString();
        }
        assertThat(out).contains("FAIL work-queue/acks failed").contains("Exercise 1 passes.");
        assertThat(out)
                .as("a separator with the time between the two runs")
                .contains("\n---------- 10:15:30 ----------");
        assertThat(out.indexOf("10:15:30"))
                .isGreaterThan(out.indexOf("FAIL"))
                .isLessThan(out.indexOf("Exercise 1 passes."));
        assertThat(code[0]).isEqualTo(Coach.OK);
    }

    @Test
    void shouldFailInOneLineWhenTheClassDeclaresFewerCapabilitiesThanItsExercise() throws IOException {
        for (String n : List.of("3", "4", "6", "7", "8", "11", "13")) {
            Exercise e = Exercises.find(n);
            String solved = Course.shown(Files.readString(ws.solutionDir(e).resolve(e.fileName())));
            String fewer = e.topology() == Topology.EXCHANGE || e.topology() == Topology.SUBSCRIPTION
                    ? solved.replace(
                                    "CAPABILITIES = ExchangeCapabilities.ALL;",
                                    "CAPABILITIES = new ExchangeCapabilities(true, false);")
                            .replace(
                                    "new SubscriptionCapabilities(true, true, false)",
                                    "new SubscriptionCapabilities(false, true, false)")
                    : solved.replaceAll(
                                    "new WorkQueueCapabilities\\([^)]*\\)", "new WorkQueueCapabilities(false, false)")
                            .replaceAll("CAPABILITIES = [^;]*;", "CAPABILITIES = LogCapabilities.PLAIN;");
            assertThat(fewer)
                    .as("exercise %s's solution declares its capabilities", n)
                    .isNotEqualTo(solved);
            Files.writeString(ws.learnerFile(e), fewer);
            Run run = run(new CheckCommand(), n);
            assertThat(run.code).as(run.out).isEqualTo(Coach.CHECK_FAILED);
            assertThat(run.out)
                    .as("exercise %s", n)
                    .contains(e.className() + "." + e.topology().declaration() + " declares ")
                    .contains("but " + e.label() + " requires ")
                    .doesNotContain("PASS");
        }
    }

    private void solve(Exercise e) throws IOException {
        Files.writeString(
                ws.learnerFile(e),
                Course.shown(Files.readString(ws.solutionDir(e).resolve(e.fileName()))));
    }

    private Run run(LearnerCommand command, String... args) {
        command.workspace = ws;
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = new CommandLine(command)
                .setOut(new PrintWriter(out))
                .setErr(new PrintWriter(err))
                .execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    private record Run(int code, String out, String err) {}
}
