package dev.queuelab.check.log;

import dev.queuelab.api.log.LogCapabilities;
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
 * The partitioned log's binding to the engine's core: its properties ({@link LogProperty}), its runner
 * ({@link LogRunner}), its model ({@link LogModel}, with {@link GroupModel}) and the rules of {@link LogRule},
 * and how its stories speak of it. Everything else is the core's.
 */
public final class LogChecks implements Binding<LogSetup, LogStep, LogCapabilities, LogFactory, LogEvent> {

    public static final LogChecks BINDING = new LogChecks(SimClockDriver::new);

    /** How time moves in a run: a simulated clock, or a driver that waits for real time (a real broker). */
    private final Supplier<ClockDriver> clocks;

    private static final Stories.Telling TELLING = new Stories.Telling(
            "log", "it reads every partition from its start to its end, and the offsets", "docs/partitioned-log.md");

    private LogChecks(Supplier<ClockDriver> clocks) {
        this.clocks = clocks;
    }

    /**
     * The same binding, its runs reading time from the clocks given: what an adapter for a real broker uses, with
     * a driver that waits for real time. Properties, model, rules and stories are the same.
     */
    public static LogChecks withClocks(Supplier<ClockDriver> clocks) {
        return new LogChecks(clocks);
    }

    @Override
    public String topology() {
        return "log";
    }

    @Override
    public List<LogProperty> properties() {
        return List.of(LogProperty.values());
    }

    @Override
    public History<LogSetup, LogCapabilities, LogEvent> run(
            LogFactory factory, LogCapabilities capabilities, Scenario<LogSetup, LogStep> scenario) {
        return LogRunner.of(factory, clocks).run(scenario, capabilities);
    }

    @Override
    public Model<LogEvent> model(History<LogSetup, LogCapabilities, LogEvent> history) {
        return new LogModel(history.config(), history.start());
    }

    /** A whole history judged. */
    static LogModel fold(History<LogSetup, LogCapabilities, LogEvent> history) {
        return Model.fold(history, (LogModel) BINDING.model(history));
    }

    @Override
    public Stories.Telling telling() {
        return TELLING;
    }
}
