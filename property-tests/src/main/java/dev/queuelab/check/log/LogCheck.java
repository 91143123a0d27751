package dev.queuelab.check.log;

import dev.queuelab.api.log.LogCapabilities;
import dev.queuelab.check.Anomaly;
import dev.queuelab.check.Check;
import dev.queuelab.check.CheckResult;
import dev.queuelab.check.Settings;
import dev.queuelab.check.Trial;
import java.util.Optional;
import java.util.Set;

/**
 * The partitioned log as a client of the engine's core: its scenarios run by {@link LogRunner}, judged by
 * {@link LogModel}, told by {@link LogStory}. One property against one implementation.
 */
public final class LogCheck {

    private final Check<LogSetup, LogStep, LogCapabilities> check;

    public LogCheck(
            LogProperty property,
            String implName,
            LogCapabilities capabilities,
            LogFactory factory,
            ReplayCommand replay) {
        LogRunner runner = new LogRunner(factory);
        this.check = new Check<>(
                property,
                implName,
                capabilities,
                scenario -> judge(runner.run(scenario)),
                seed -> replay.command(property, implName, seed));
    }

    public CheckResult run(Settings settings) {
        return check.run(settings);
    }

    static LogModel fold(LogHistory history) {
        LogModel model = new LogModel(history.setup(), history.start());
        history.events().forEach(model::apply);
        return model;
    }

    static Trial judge(LogHistory history) {
        LogModel model = fold(history);
        return new Trial() {
            @Override
            public Optional<Anomaly> anomaly() {
                return model.primary();
            }

            @Override
            public boolean symptomOnly() {
                return false;
            }

            @Override
            public Set<String> coverage() {
                return model.coverage();
            }

            @Override
            public String story(String header, int originalSteps) {
                return LogStory.tell(header, history, model.primary().orElseThrow(), originalSteps);
            }
        };
    }

    /** How a report says to replay a failing trial. */
    @FunctionalInterface
    public interface ReplayCommand {
        String command(LogProperty property, String impl, long seed);

        ReplayCommand MAVEN =
                (p, impl, seed) -> "./mvnw -q verify -pl property-tests -am -Dsurefire.failIfNoSpecifiedTests=false"
                        + " -Dtest='LogChecksTest#" + p.id() + "' -Dqueuelab.impl=" + impl + " -Dqueuelab.seed=" + seed
                        + " -Dqueuelab.trials=1";
    }
}
