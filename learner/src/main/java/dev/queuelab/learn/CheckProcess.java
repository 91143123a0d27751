package dev.queuelab.learn;

import dev.queuelab.api.workqueue.WorkQueue;
import dev.queuelab.check.CheckResult;
import dev.queuelab.check.Property;
import dev.queuelab.crash.RecoveryTrials;
import dev.queuelab.reference.log.DiskRules;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The command line's side of a {@link CheckWorker}: starts the worker JVM (ahead of time, so it warms up while
 * the learner's code compiles), sends it checks, and kills it if it does not answer soon after the limit:
 * the learner's endless loop costs a JVM, never the terminal or a thread of the command line.
 */
public final class CheckProcess implements AutoCloseable {

    /** Time beyond the limit for the worker to name the looping call before it is killed unnamed. */
    private static final Duration GRACE = Duration.ofSeconds(5);

    private Process worker;
    private DataOutputStream requests;
    private DataInputStream answers;

    /** Starts a worker now, if none is running: a cold JVM takes a moment, best spent while javac works. */
    public CheckProcess warm() {
        if (worker == null || !worker.isAlive()) {
            try {
                String java =
                        Path.of(System.getProperty("java.home"), "bin", "java").toString();
                // the learner runtime, the engine, the api, and for the disk chapter the log on disk and its trials
                String classPath = String.join(
                        File.pathSeparator,
                        location(CheckWorker.class),
                        location(Property.class),
                        location(WorkQueue.class),
                        location(DiskRules.class),
                        location(RecoveryTrials.class));
                worker = new ProcessBuilder(
                                java,
                                "-XX:+UseSerialGC",
                                "-XX:TieredStopAtLevel=1",
                                "-Xshare:auto",
                                "-cp",
                                classPath,
                                CheckWorker.class.getName())
                        .redirectError(ProcessBuilder.Redirect.INHERIT)
                        .start();
            } catch (IOException e) {
                throw new LearnerException(
                        "cannot start a JVM for the checks (" + e.getMessage() + "): check JAVA_HOME");
            }
            requests = new DataOutputStream(new BufferedOutputStream(worker.getOutputStream()));
            answers = new DataInputStream(new BufferedInputStream(worker.getInputStream()));
        }
        return this;
    }

    /** The results of one check, or a {@link LearnerException} when the learner's code did not return in time. */
    public List<CheckResult> run(CheckRequest request) {
        warm();
        CompletableFuture<List<CheckResult>> answer = CompletableFuture.supplyAsync(() -> {
            try {
                request.write(requests);
                return CheckWorker.readAnswer(answers);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        try {
            return answer.get(request.limit().plus(GRACE).toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            close();
            throw new LearnerException(
                    "the checks of " + request.exercise().label() + " did not finish within "
                            + request.limit().toSeconds() + " s, and the JVM running them was stopped: a method of "
                            + request.exercise().className()
                            + " probably loops for ever; give it longer with --limit SECONDS",
                    Coach.CHECK_FAILED);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof LearnerException learner) {
                if (learner instanceof CheckWorker.Hung) {
                    close();
                }
                throw learner;
            }
            close();
            throw new LearnerException(
                    "the JVM running the checks stopped unexpectedly ("
                            + e.getCause().getMessage() + "); its output is above",
                    Coach.CHECK_FAILED);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            close();
            throw new LearnerException("interrupted", Coach.CHECK_FAILED);
        }
    }

    @Override
    public void close() {
        if (worker != null) {
            worker.destroyForcibly();
            worker = null;
        }
    }

    private static String location(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain()
                            .getCodeSource()
                            .getLocation()
                            .toURI())
                    .toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
