package dev.queuelab.brokers;

import dev.queuelab.check.History;
import dev.queuelab.check.Scenario;
import dev.queuelab.check.log.LogEvent;
import dev.queuelab.check.log.LogSetup;
import dev.queuelab.check.log.LogStep;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The log's scale: ticks become whole units and a seek by time looks half a unit off the ticks (a seek "now"
 * looks half a unit back), so no record's timestamp lies within the tolerance of the time sought.
 */
final class LogTimeScale implements TimeScale<LogSetup, LogStep, LogEvent> {

    @Override
    public Scenario<LogSetup, LogStep> scale(Scenario<LogSetup, LogStep> s) {
        List<LogStep> steps = new ArrayList<>();
        for (LogStep step : s.steps()) {
            if (step instanceof LogStep.Tick t) {
                steps.add(new LogStep.Tick(
                        (int) TimeScale.tick(Duration.ofSeconds(t.seconds())).toSeconds()));
            } else if (step instanceof LogStep.SeekTime t) {
                Duration back = TimeScale.deadline(Duration.ofSeconds(Math.max(1, t.secondsAgo())));
                steps.add(new LogStep.SeekTime(t.partition(), (int) back.toSeconds()));
            } else {
                steps.add(step);
            }
        }
        return new Scenario<>(s.config(), steps);
    }

    @Override
    public Duration longest(Scenario<LogSetup, LogStep> scaled) {
        return TimeScale.UNIT;
    }

    @Override
    public Set<Integer> tainted(History<LogSetup, ?, LogEvent> history) {
        List<Instant> seen = new ArrayList<>();
        Set<Integer> tainted = new TreeSet<>();
        for (LogEvent e : history.events()) {
            if (e instanceof LogEvent.Sought s) {
                for (Instant at : seen) {
                    if (TimeScale.near(at, s.target())) {
                        tainted.add(e.step());
                    }
                }
            }
            seen.add(e.at());
        }
        return tainted;
    }
}
