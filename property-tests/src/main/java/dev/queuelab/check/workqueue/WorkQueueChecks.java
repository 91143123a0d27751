package dev.queuelab.check.workqueue;

import dev.queuelab.api.workqueue.WorkQueueCapabilities;
import dev.queuelab.api.workqueue.WorkQueueConfig;
import dev.queuelab.check.Anomaly;
import dev.queuelab.check.Binding;
import dev.queuelab.check.ClockDriver;
import dev.queuelab.check.History;
import dev.queuelab.check.Model;
import dev.queuelab.check.Scenario;
import dev.queuelab.check.SimClockDriver;
import dev.queuelab.check.Stories;
import java.util.List;
import java.util.function.Supplier;

/**
 * The work queue's binding to the engine's core: its properties ({@link WorkQueueProperty}), its runner
 * ({@link WorkQueueRunner}), its model ({@link WorkQueueModel}) with the rules of {@link WorkQueueRule}, and how
 * its stories speak of it. Everything else (checking, shrinking, coverage, stories, replay) is the core's.
 */
public final class WorkQueueChecks
        implements Binding<WorkQueueConfig, WorkQueueStep, WorkQueueCapabilities, WorkQueueFactory, WorkQueueEvent> {

    public static final WorkQueueChecks BINDING = new WorkQueueChecks(SimClockDriver::new);

    /** How time moves in a run: a simulated clock, or a driver that waits for real time (a real broker). */
    private final Supplier<ClockDriver> clocks;

    private static final Stories.Telling TELLING = new Stories.Telling(
            "queue",
            "every deadline passes, a drainer receives and acks until nothing\n"
                    + "  comes, and the checker reads the statistics and the dead-letter queue",
            "docs/work-queue.md");

    private WorkQueueChecks(Supplier<ClockDriver> clocks) {
        this.clocks = clocks;
    }

    /**
     * The same binding, its runs reading time from the clocks given: what an adapter for a real broker uses, with
     * a driver that waits for real time. Properties, model, rules and stories are the same.
     */
    public static WorkQueueChecks withClocks(Supplier<ClockDriver> clocks) {
        return new WorkQueueChecks(clocks);
    }

    @Override
    public String topology() {
        return "work-queue";
    }

    @Override
    public List<WorkQueueProperty> properties() {
        return List.of(WorkQueueProperty.values());
    }

    @Override
    public History<WorkQueueConfig, WorkQueueCapabilities, WorkQueueEvent> run(
            WorkQueueFactory factory,
            WorkQueueCapabilities capabilities,
            Scenario<WorkQueueConfig, WorkQueueStep> scenario) {
        return WorkQueueRunner.of(factory, clocks).run(scenario, capabilities);
    }

    @Override
    public Model<WorkQueueEvent> model(History<WorkQueueConfig, WorkQueueCapabilities, WorkQueueEvent> history) {
        return new WorkQueueModel(
                history.config(), history.start(), history.capabilities().exactStats());
    }

    /** A whole history judged: the model after every event and the end of the run. */
    static WorkQueueModel fold(History<WorkQueueConfig, WorkQueueCapabilities, WorkQueueEvent> history) {
        return Model.fold(history, (WorkQueueModel) BINDING.model(history));
    }

    @Override
    public Stories.Telling telling() {
        return TELLING;
    }

    /** At-least-once at work in the story: redeliveries and double processing are allowed, and said so. */
    @Override
    public String epilogue(
            Model<WorkQueueEvent> model,
            Anomaly anomaly,
            History<WorkQueueConfig, WorkQueueCapabilities, WorkQueueEvent> history) {
        int shown = anomaly.step() == 0 && history.failedAtCreation() ? 0 : anomaly.step();
        int redelivered = ((WorkQueueModel) model).redeliveries(shown);
        int twice = ((WorkQueueModel) model).duplicateEffects(shown);
        if (redelivered + twice == 0) {
            return "";
        }
        return "\n  At-least-once at work in this story: " + count(redelivered, "redelivery", "redeliveries")
                + (twice == 0
                        ? ""
                        : ", " + count(twice, "message", "messages") + " processed twice (its consumer"
                                + " processed it, then crashed or acked too late, and it was delivered again)")
                + ". Allowed: that is what at-least-once means.\n";
    }

    private static String count(int n, String one, String many) {
        return n + " " + (n == 1 ? one : many);
    }
}
