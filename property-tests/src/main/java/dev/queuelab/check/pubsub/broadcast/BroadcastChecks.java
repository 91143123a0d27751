package dev.queuelab.check.pubsub.broadcast;

import dev.queuelab.api.pubsub.broadcast.Broadcast;
import dev.queuelab.api.pubsub.broadcast.BroadcastCapabilities;
import dev.queuelab.api.pubsub.broadcast.BroadcastConfig;
import dev.queuelab.check.Binding;
import dev.queuelab.check.ClockDriver;
import dev.queuelab.check.History;
import dev.queuelab.check.Model;
import dev.queuelab.check.Runner;
import dev.queuelab.check.Scenario;
import dev.queuelab.check.SimClockDriver;
import dev.queuelab.check.Stories;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.function.BiFunction;
import java.util.function.Supplier;

/** The broadcast's binding: how a scenario runs on one implementation, and the model that judges it. */
public final class BroadcastChecks
        implements Binding<
                BroadcastConfig,
                BroadcastStep,
                BroadcastCapabilities,
                BiFunction<BroadcastConfig, InstantSource, Broadcast>,
                BroadcastEvent> {

    public static final BroadcastChecks BINDING = new BroadcastChecks(SimClockDriver::new);

    /** What the final drain reads per client: more than any scenario publishes. */
    private static final int DRAIN = 1000;

    /** How time moves in a run: a simulated clock, or a driver that waits for real time (a real broker). */
    private final Supplier<ClockDriver> clocks;

    private BroadcastChecks(Supplier<ClockDriver> clocks) {
        this.clocks = clocks;
    }

    /**
     * The same binding, its runs reading time from the clocks given: what an adapter for a real broker uses, with
     * a driver that waits for real time. Properties, model, rules and stories are the same.
     */
    public static BroadcastChecks withClocks(Supplier<ClockDriver> clocks) {
        return new BroadcastChecks(clocks);
    }

    @Override
    public String topology() {
        return "broadcast";
    }

    @Override
    public List<BroadcastProperty> properties() {
        return List.of(BroadcastProperty.values());
    }

    @Override
    public History<BroadcastConfig, BroadcastCapabilities, BroadcastEvent> run(
            BiFunction<BroadcastConfig, InstantSource, Broadcast> factory,
            BroadcastCapabilities capabilities,
            Scenario<BroadcastConfig, BroadcastStep> scenario) {
        return new Runner<BroadcastConfig, BroadcastStep, BroadcastCapabilities, BroadcastEvent>(
                        (config, clock) -> new Play(factory, config, clock), clocks)
                .run(scenario, capabilities);
    }

    @Override
    public Model<BroadcastEvent> model(History<BroadcastConfig, BroadcastCapabilities, BroadcastEvent> history) {
        return new BroadcastModel(history.config());
    }

    @Override
    public Stories.Telling telling() {
        return new Stories.Telling(
                "broadcast", "every client that ever connected reads all it holds", "docs/pub-sub/broadcast.md");
    }

    /** The clients' side of one run; a publish's payload is unique ("m3" padded to its size) so reads name it. */
    private static final class Play implements Runner.Play<BroadcastStep, BroadcastEvent> {
        final BiFunction<BroadcastConfig, InstantSource, Broadcast> factory;
        final BroadcastConfig config;
        final ClockDriver clock;
        final List<BroadcastEvent> events = new ArrayList<>();
        final TreeSet<String> clients = new TreeSet<>();
        Broadcast broadcast;
        int step;
        int published;

        Play(BiFunction<BroadcastConfig, InstantSource, Broadcast> factory, BroadcastConfig config, ClockDriver clock) {
            this.factory = factory;
            this.config = config;
            this.clock = clock;
        }

        @Override
        public void create() {
            broadcast = factory.apply(config, clock.clock());
        }

        @Override
        public void perform(BroadcastStep s) {
            step++;
            if (s instanceof BroadcastStep.Connect c) {
                clients.add(c.client());
                events.add(new BroadcastEvent.Connection(
                        step, clock.now(), c.client(), true, broadcast.connect(c.client())));
            } else if (s instanceof BroadcastStep.Disconnect d) {
                events.add(new BroadcastEvent.Connection(
                        step, clock.now(), d.client(), false, broadcast.disconnect(d.client())));
            } else if (s instanceof BroadcastStep.Subscription sub) {
                events.add(new BroadcastEvent.Subscribed(
                        step, clock.now(), sub.client(), sub.verb(), sub.target(), subscription(sub)));
            } else if (s instanceof BroadcastStep.Publish p) {
                published++;
                String payload = payload(published, p.bytes());
                events.add(new BroadcastEvent.Published(
                        step, clock.now(), p.channel(), payload, broadcast.publish(p.channel(), payload)));
            } else if (s instanceof BroadcastStep.Read r) {
                events.add(new BroadcastEvent.Read(
                        step, clock.now(), r.client(), r.max(), broadcast.read(r.client(), r.max())));
            } else if (s instanceof BroadcastStep.Tick t) {
                clock.advance(Duration.ofSeconds(t.seconds()));
                events.add(new BroadcastEvent.Ticked(step, clock.now(), t.seconds()));
            }
        }

        private boolean subscription(BroadcastStep.Subscription s) {
            return switch (s.verb()) {
                case SUBSCRIBE -> broadcast.subscribe(s.client(), s.target());
                case UNSUBSCRIBE -> broadcast.unsubscribe(s.client(), s.target());
                case PSUBSCRIBE -> broadcast.psubscribe(s.client(), s.target());
                case PUNSUBSCRIBE -> broadcast.punsubscribe(s.client(), s.target());
            };
        }

        static String payload(int n, int bytes) {
            StringBuilder payload = new StringBuilder("m").append(n);
            while (payload.length() < bytes) {
                payload.append('.');
            }
            return payload.toString();
        }

        @Override
        public void drain() {
            for (String c : clients) {
                step++;
                events.add(new BroadcastEvent.Read(step, clock.now(), c, DRAIN, broadcast.read(c, DRAIN)));
            }
        }

        @Override
        public BroadcastEvent threw(RuntimeException e) {
            return new BroadcastEvent.Threw(step, clock.now(), "the call of step " + step, e.toString());
        }

        @Override
        public List<BroadcastEvent> events() {
            return events;
        }
    }
}
