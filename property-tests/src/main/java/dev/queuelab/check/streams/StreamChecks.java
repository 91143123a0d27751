package dev.queuelab.check.streams;

import dev.queuelab.api.streams.StreamCapabilities;
import dev.queuelab.check.Binding;
import dev.queuelab.check.ClockDriver;
import dev.queuelab.check.History;
import dev.queuelab.check.Model;
import dev.queuelab.check.Runner;
import dev.queuelab.check.Scenario;
import dev.queuelab.check.SimClockDriver;
import dev.queuelab.check.Stories;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;

/** The streams' binding to the engine: its properties, how one scenario runs, and the model that judges it. */
public final class StreamChecks
        implements Binding<StreamSetup, StreamStep, StreamCapabilities, StreamFactory, StreamEvent> {

    public static final StreamChecks BINDING = new StreamChecks(SimClockDriver::new, Duration.ZERO);

    /** How time moves in a run: a simulated clock, or a driver that waits for real time (a real server). */
    private final Supplier<ClockDriver> clocks;

    /** How far past a call's start the server may have read its own clock: zero in a simulation. */
    private final Duration precision;

    private StreamChecks(Supplier<ClockDriver> clocks, Duration precision) {
        this.clocks = clocks;
        this.precision = precision;
    }

    /**
     * The same binding, its runs reading time from the clocks given: what an adapter for a real server uses, with a
     * driver that waits for real time. A real server reads its own clock while it runs a command, a little after
     * the runner read the command's time: the model then takes an id made by {@code *}, and an idle time, as right
     * when they fall within {@code precision} of what the runner's clock says (a simulation's is exact: zero).
     * Properties, rules and stories are the same.
     */
    public static StreamChecks withClocks(Supplier<ClockDriver> clocks, Duration precision) {
        return new StreamChecks(clocks, precision);
    }

    @Override
    public String topology() {
        return "streams";
    }

    @Override
    public List<StreamProperty> properties() {
        return List.of(StreamProperty.values());
    }

    @Override
    public History<StreamSetup, StreamCapabilities, StreamEvent> run(
            StreamFactory factory, StreamCapabilities capabilities, Scenario<StreamSetup, StreamStep> scenario) {
        return new Runner<StreamSetup, StreamStep, StreamCapabilities, StreamEvent>(
                        (setup, clock) -> new StreamRunner(factory, setup, capabilities, clock), clocks)
                .run(scenario, capabilities);
    }

    @Override
    public Model<StreamEvent> model(History<StreamSetup, StreamCapabilities, StreamEvent> history) {
        return new StreamModel(history.config(), precision.toMillis());
    }

    @Override
    public Stories.Telling telling() {
        return new Stories.Telling(
                "stream",
                "each consumer reads its own pending entries from 0 and acks them, a drainer claims what is left"
                        + " and reads > until nothing comes, acking, and the checker reads XPENDING, the stream"
                        + " and s:dead, with no time passing",
                "docs/redis-streams.md");
    }
}
