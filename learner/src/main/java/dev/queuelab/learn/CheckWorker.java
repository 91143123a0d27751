package dev.queuelab.learn;

import dev.queuelab.api.workqueue.WorkQueue;
import dev.queuelab.check.Anomaly;
import dev.queuelab.check.CheckResult;
import dev.queuelab.check.StoryEvent;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The JVM that runs the learner's code, apart from the command line: it reads {@link CheckRequest}s on its
 * standard input and answers each on its standard output, each check with a fresh class loader, so one worker
 * stays warm across the saves of a {@code watch}. A call that does not return within the limit cannot be
 * stopped inside a JVM, so the worker names it, answers, and halts: the caller starts a new worker.
 * The learner's own prints go to standard error, out of the answers' way.
 */
public final class CheckWorker {

    static final byte RESULTS = 0;
    static final byte PROBLEM = 1;
    static final byte HUNG = 2;

    /** The learner's call did not return: the worker that says so halts right after. */
    static final class Hung extends LearnerException {
        Hung(String story) {
            super(story, Coach.CHECK_FAILED);
        }
    }

    private CheckWorker() {}

    public static void main(String[] args) throws IOException {
        DataOutputStream answers = new DataOutputStream(new BufferedOutputStream(new PrintStream(System.out)));
        System.setOut(System.err);
        DataInputStream requests = new DataInputStream(new BufferedInputStream(System.in));
        for (Topology t : Topology.values()) { // loads the engine while the command line compiles the learner's code
            t.exercises().forEach(e -> e.properties().forEach(p -> p.coverage()));
        }
        while (true) {
            CheckRequest request;
            try {
                request = CheckRequest.read(requests);
            } catch (EOFException e) {
                return; // the command line is done with this worker
            }
            answer(request, answers);
        }
    }

    private static void answer(CheckRequest request, DataOutputStream answers) throws IOException {
        CallLog calls = new CallLog();
        AtomicReference<Object> outcome = new AtomicReference<>();
        Thread check = new Thread(
                () -> {
                    try (URLClassLoader loader = new URLClassLoader(
                            new URL[] {request.classes().toUri().toURL()}, WorkQueue.class.getClassLoader())) {
                        outcome.set(new ExerciseCheck(
                                        request.exercise(),
                                        "exercise " + request.exercise().number(),
                                        request.only())
                                .run(
                                        calls.recording(
                                                request.exercise().topology().api(),
                                                request.exercise().factory(loader)),
                                        request.settings()));
                    } catch (LearnerException e) {
                        outcome.set(e);
                    } catch (Throwable e) {
                        outcome.set(new LearnerException("the check stopped on " + e, Coach.CHECK_FAILED));
                    }
                },
                "queuelab-check");
        check.setDaemon(true);
        check.start();
        try {
            check.join(request.limit().toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (check.isAlive()) {
            answers.writeByte(HUNG);
            writeText(
                    answers,
                    new Hang(request.exercise(), request.limit(), check.getStackTrace(), calls.numbered()).story());
            answers.flush();
            Runtime.getRuntime().halt(0); // the looping thread cannot be stopped: the JVM goes with it
        }
        if (outcome.get() instanceof LearnerException e) {
            writeProblem(answers, e.getMessage(), e.exitCode());
            return;
        }
        @SuppressWarnings("unchecked")
        List<CheckResult> results = (List<CheckResult>) outcome.get();
        answers.writeByte(RESULTS);
        answers.writeInt(results.size());
        for (CheckResult r : results) {
            writeText(answers, r.property());
            writeText(answers, r.impl());
            writeText(answers, r.verdict().name());
            answers.writeBoolean(r.anomaly().isPresent());
            if (r.anomaly().isPresent()) {
                Anomaly a = r.anomaly().get();
                writeText(answers, a.name());
                writeText(answers, a.rule());
                writeText(answers, a.evidence());
                answers.writeInt(a.step());
            }
            answers.writeInt(r.storySteps());
            answers.writeLong(r.seed());
            writeText(answers, r.report());
            answers.writeInt(r.timeline().size());
            for (StoryEvent e : r.timeline()) {
                answers.writeInt(e.step());
                answers.writeLong(e.at().getEpochSecond());
                answers.writeInt(e.at().getNano());
                writeText(answers, e.process());
                writeText(answers, e.action());
                writeText(answers, e.answer());
                answers.writeBoolean(e.fault());
            }
        }
        answers.flush();
    }

    /** The results of one request, or the learner's problem as a {@link LearnerException}. */
    static List<CheckResult> readAnswer(DataInputStream in) throws IOException {
        byte kind = in.readByte();
        if (kind == HUNG) {
            throw new Hung(readText(in));
        }
        if (kind == PROBLEM) {
            String message = readText(in);
            throw new LearnerException(message, in.readInt());
        }
        int n = in.readInt();
        List<CheckResult> results = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String property = readText(in);
            String impl = readText(in);
            CheckResult.Verdict verdict = CheckResult.Verdict.valueOf(readText(in));
            Optional<Anomaly> anomaly = in.readBoolean()
                    ? Optional.of(new Anomaly(readText(in), readText(in), readText(in), in.readInt()))
                    : Optional.empty();
            int storySteps = in.readInt();
            long seed = in.readLong();
            String report = readText(in);
            int events = in.readInt();
            List<StoryEvent> timeline = new ArrayList<>();
            for (int j = 0; j < events; j++) {
                timeline.add(new StoryEvent(
                        in.readInt(),
                        Instant.ofEpochSecond(in.readLong(), in.readInt()),
                        readText(in),
                        readText(in),
                        readText(in),
                        in.readBoolean()));
            }
            results.add(new CheckResult(property, impl, verdict, anomaly, storySteps, seed, report, timeline));
        }
        return results;
    }

    private static void writeProblem(DataOutputStream out, String message, int exitCode) throws IOException {
        out.writeByte(PROBLEM);
        writeText(out, message);
        out.writeInt(exitCode);
        out.flush();
    }

    private static void writeText(DataOutputStream out, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    private static String readText(DataInputStream in) throws IOException {
        return new String(in.readNBytes(in.readInt()), StandardCharsets.UTF_8);
    }
}
