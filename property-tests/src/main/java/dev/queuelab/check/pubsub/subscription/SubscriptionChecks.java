package dev.queuelab.check.pubsub.subscription;

import dev.queuelab.api.pubsub.subscription.SubscriptionCapabilities;
import dev.queuelab.check.Binding;
import dev.queuelab.check.History;
import dev.queuelab.check.Model;
import dev.queuelab.check.Runner;
import dev.queuelab.check.Scenario;
import dev.queuelab.check.SimClockDriver;
import dev.queuelab.check.Stories;
import java.util.List;

/** The subscriptions' binding to the engine: its properties, how one scenario runs, and the model that judges it. */
public final class SubscriptionChecks
        implements Binding<
                SubscriptionSetup, SubscriptionStep, SubscriptionCapabilities, SubscriptionFactory, SubscriptionEvent> {

    public static final SubscriptionChecks BINDING = new SubscriptionChecks();

    private SubscriptionChecks() {}

    @Override
    public String topology() {
        return "subscription";
    }

    @Override
    public List<SubscriptionProperty> properties() {
        return List.of(SubscriptionProperty.values());
    }

    @Override
    public History<SubscriptionSetup, SubscriptionCapabilities, SubscriptionEvent> run(
            SubscriptionFactory factory,
            SubscriptionCapabilities capabilities,
            Scenario<SubscriptionSetup, SubscriptionStep> scenario) {
        return new Runner<SubscriptionSetup, SubscriptionStep, SubscriptionCapabilities, SubscriptionEvent>(
                        (setup, clock) -> new SubscriptionRunner(factory, setup, clock), SimClockDriver::new)
                .run(scenario, capabilities);
    }

    @Override
    public Model<SubscriptionEvent> model(
            History<SubscriptionSetup, SubscriptionCapabilities, SubscriptionEvent> history) {
        return new SubscriptionModel(history.config(), history.start(), history.lastScenarioStep());
    }

    @Override
    public Stories.Telling telling() {
        return new Stories.Telling(
                "topic",
                "each subscriber acks what it holds, then pulls and acks until its subscription is empty, and the"
                        + " dead-letter topic's subscription is read the same way, with no time passing",
                "docs/pub-sub/subscription.md");
    }
}
