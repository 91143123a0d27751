package dev.queuelab.learn;

import dev.queuelab.check.CheckResult;
import dev.queuelab.check.Settings;
import dev.queuelab.check.workqueue.WorkQueueCheck;
import dev.queuelab.check.workqueue.WorkQueueFactory;
import dev.queuelab.check.workqueue.WorkQueueProperty;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs an exercise's properties, its own concept first, against one implementation, and stops at the
 * first failure: the learner gets one story at a time. The same code serves {@code queuelab check}, the
 * IDE's {@code -Pexercises} tests and the proofs that pristine stubs fail and solutions pass.
 */
public final class ExerciseCheck {

    /** Far beyond any honest run (a few hundred milliseconds); only an endless loop gets here. */
    public static final Duration PATIENCE = Duration.ofSeconds(60);

    private final Exercise exercise;
    private final String implName;
    private final Optional<WorkQueueProperty> only;

    public ExerciseCheck(Exercise exercise, String implName, Optional<WorkQueueProperty> only) {
        this.exercise = exercise;
        this.implName = implName;
        this.only = only;
        only.filter(p -> !exercise.properties().contains(p)).ifPresent(p -> {
            throw new LearnerException(exercise.label() + " is not judged by the property '" + p.id() + "': use one of "
                    + exercise.properties().stream().map(WorkQueueProperty::id).toList());
        });
    }

    /** The results in order, ending at the first failure. */
    public List<CheckResult> run(WorkQueueFactory factory, Settings settings) {
        List<CheckResult> results = new ArrayList<>();
        for (WorkQueueProperty property : exercise.properties()) {
            if (only.isPresent() && only.get() != property) {
                continue;
            }
            CheckResult result = new WorkQueueCheck(property, implName, factory, this::replay).run(settings);
            results.add(result);
            if (!result.passed()) {
                break;
            }
        }
        return results;
    }

    /** As {@link #run}, but gives up after {@link #PATIENCE}: a learner's endless loop must not hang the terminal. */
    public List<CheckResult> runWithPatience(WorkQueueFactory factory, Settings settings) {
        ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "queuelab-check");
            t.setDaemon(true);
            return t;
        });
        try {
            Future<List<CheckResult>> running = worker.submit(() -> run(factory, settings));
            return running.get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            throw new LearnerException("the checks of " + exercise.label() + " did not finish within " + PATIENCE.toSeconds()
                    + " s: a method of " + exercise.className() + " probably loops for ever (look at your while loops)");
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LearnerException("interrupted");
        } finally {
            worker.shutdownNow();
        }
    }

    private String replay(WorkQueueProperty property, String impl, long seed) {
        return "./queuelab check " + exercise.number() + " --property " + property.id() + " --seed " + seed + " --trials 1";
    }
}
