package dev.queuelab.check.streams;

import dev.queuelab.api.streams.StreamCapabilities;
import dev.queuelab.check.Binding;
import dev.queuelab.check.History;
import dev.queuelab.check.Model;
import dev.queuelab.check.Runner;
import dev.queuelab.check.Scenario;
import dev.queuelab.check.SimClockDriver;
import dev.queuelab.check.Stories;
import java.util.List;

/** The streams' binding to the engine: its properties, how one scenario runs, and the model that judges it. */
public final class StreamChecks
        implements Binding<StreamSetup, StreamStep, StreamCapabilities, StreamFactory, StreamEvent> {

    public static final StreamChecks BINDING = new StreamChecks();

    private StreamChecks() {}

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
                        (setup, clock) -> new StreamRunner(factory, setup, capabilities, clock), SimClockDriver::new)
                .run(scenario, capabilities);
    }

    @Override
    public Model<StreamEvent> model(History<StreamSetup, StreamCapabilities, StreamEvent> history) {
        return new StreamModel(history.config());
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
