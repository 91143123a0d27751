package dev.queuelab.check.recipe;

import dev.queuelab.check.Binding;
import dev.queuelab.check.ClockDriver;
import dev.queuelab.check.History;
import dev.queuelab.check.Model;
import dev.queuelab.check.Registry;
import dev.queuelab.check.Runner;
import dev.queuelab.check.Scenario;
import dev.queuelab.check.SimClockDriver;
import dev.queuelab.check.Stories;
import dev.queuelab.check.TopologyChecks;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** The tally's binding, its registry and its gallery: all a topology adds to the engine. */
final class TallyChecks
        implements Binding<Tally.Config, TallyStep, Tally.Capabilities, Function<Tally.Config, Tally>, TallyEvent> {

    static final TallyChecks BINDING = new TallyChecks();

    static final Registry<Function<Tally.Config, Tally>, Tally.Capabilities> TALLIES = new Registry<
                    Function<Tally.Config, Tally>, Tally.Capabilities>("tally", false)
            .add("reference", Tally.Reference::new, new Tally.Capabilities(true))
            .add("counts-only", Tally.Reference::new, new Tally.Capabilities(false))
            .addVariant("gallery.read-lags-one", TallyChecks::readLagsOne, new Tally.Capabilities(true), "stale-read")
            .addVariant(
                    "gallery.answers-the-old-count",
                    TallyChecks::answersTheOldCount,
                    new Tally.Capabilities(true),
                    "wrong-count");

    static final TopologyChecks<Tally.Config, TallyStep, Tally.Capabilities, Function<Tally.Config, Tally>, TallyEvent>
            TOPOLOGY = new TopologyChecks<>(BINDING, TALLIES);

    private TallyChecks() {}

    @Override
    public String topology() {
        return "tally";
    }

    @Override
    public List<TallyProperty> properties() {
        return List.of(TallyProperty.values());
    }

    @Override
    public History<Tally.Config, Tally.Capabilities, TallyEvent> run(
            Function<Tally.Config, Tally> factory,
            Tally.Capabilities capabilities,
            Scenario<Tally.Config, TallyStep> scenario) {
        return new Runner<Tally.Config, TallyStep, Tally.Capabilities, TallyEvent>(
                        (config, clock) -> new Play(factory, config, clock), SimClockDriver::new)
                .run(scenario, capabilities);
    }

    @Override
    public Model<TallyEvent> model(History<Tally.Config, Tally.Capabilities, TallyEvent> history) {
        return new TallyModel(history.config().start());
    }

    @Override
    public Stories.Telling telling() {
        return new Stories.Telling("tally", "none", "docs/engine.md");
    }

    /** The counter's side of one run. */
    private static final class Play implements Runner.Play<TallyStep, TallyEvent> {
        final Function<Tally.Config, Tally> factory;
        final Tally.Config config;
        final ClockDriver clock;
        final List<TallyEvent> events = new ArrayList<>();
        Tally tally;
        int step;

        Play(Function<Tally.Config, Tally> factory, Tally.Config config, ClockDriver clock) {
            this.factory = factory;
            this.config = config;
            this.clock = clock;
        }

        @Override
        public void create() {
            tally = factory.apply(config);
        }

        @Override
        public void perform(TallyStep s) {
            step++;
            events.add(
                    s instanceof TallyStep.Read
                            ? new TallyEvent.Read(step, clock.now(), tally.read())
                            : new TallyEvent.Incremented(step, clock.now(), tally.increment()));
        }

        @Override
        public void drain() {}

        @Override
        public TallyEvent threw(RuntimeException e) {
            return new TallyEvent.Threw(step, clock.now(), "the call of step " + step, e.toString());
        }

        @Override
        public List<TallyEvent> events() {
            return events;
        }
    }

    /** A read answers the count before the last increment: a cache one write behind. */
    private static Tally readLagsOne(Tally.Config config) {
        Tally reference = new Tally.Reference(config);
        return new Tally() {
            boolean counted;

            @Override
            public long increment() {
                counted = true;
                return reference.increment();
            }

            @Override
            public long read() {
                return reference.read() - (counted ? 1 : 0);
            }
        };
    }

    /** An increment answers the count before it. */
    private static Tally answersTheOldCount(Tally.Config config) {
        Tally reference = new Tally.Reference(config);
        return new Tally() {
            @Override
            public long increment() {
                return reference.increment() - 1;
            }

            @Override
            public long read() {
                return reference.read();
            }
        };
    }
}
