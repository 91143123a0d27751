package dev.queuelab.check.workqueue;

import dev.queuelab.api.workqueue.WorkQueueCapabilities;
import dev.queuelab.api.workqueue.WorkQueueConfig;
import dev.queuelab.check.Anomaly;
import dev.queuelab.check.Check;
import dev.queuelab.check.CheckResult;
import dev.queuelab.check.Scenario;
import dev.queuelab.check.Settings;
import dev.queuelab.check.Trial;
import java.util.Optional;
import java.util.Set;

/**
 * The work queue as a client of the engine's core ({@link Check}): its scenarios run by {@link Runner}, judged
 * by {@link WorkQueueModel}, told by {@link Story}. One property against one implementation.
 */
public final class WorkQueueCheck {

    private final Check<WorkQueueConfig, Step, WorkQueueCapabilities> check;

    /**
     * @param capabilities what applies, as the harness knows it (the registry's entry, the exercise): never
     *                     asked of the implementation under test
     */
    public WorkQueueCheck(
            WorkQueueProperty property,
            String implName,
            WorkQueueCapabilities capabilities,
            WorkQueueFactory factory,
            ReplayCommand replay) {
        Runner runner = new Runner(factory);
        this.check = new Check<>(
                property,
                implName,
                capabilities,
                scenario -> judge(runner, scenario),
                seed -> replay.command(property, implName, seed));
    }

    public CheckResult run(Settings settings) {
        return check.run(settings);
    }

    static Trial judge(Runner runner, Scenario<WorkQueueConfig, Step> scenario) {
        History history = runner.run(scenario);
        WorkQueueModel model = WorkQueueInvariants.fold(history);
        return new Trial() {
            @Override
            public Optional<Anomaly> anomaly() {
                return model.primary();
            }

            @Override
            public boolean symptomOnly() {
                return model.primary()
                        .filter(a -> a.name().equals(WorkQueueRule.WRONG_STATS.anomaly()))
                        .isPresent();
            }

            @Override
            public Set<String> coverage() {
                return model.coverage();
            }

            @Override
            public String story(String header, int originalSteps) {
                return Story.tell(header, history, model.primary().orElseThrow(), originalSteps, model);
            }
        };
    }

    /** How a report says to replay a failing trial: a Maven command, or the command line's. */
    @FunctionalInterface
    public interface ReplayCommand {
        String command(WorkQueueProperty property, String impl, long seed);

        ReplayCommand MAVEN =
                (p, impl, seed) -> "./mvnw -q verify -pl property-tests -am -Dsurefire.failIfNoSpecifiedTests=false"
                        + " -Dtest='WorkQueueChecksTest#" + p.method() + "' -Dqueuelab.impl=" + impl
                        + " -Dqueuelab.seed=" + seed + " -Dqueuelab.trials=1";
    }
}
