package dev.queuelab.check.heldout;

import dev.queuelab.api.pubsub.broadcast.Broadcast;
import dev.queuelab.api.pubsub.broadcast.BroadcastConfig;
import dev.queuelab.api.pubsub.fanout.Topic;
import dev.queuelab.api.pubsub.fanout.TopicConfig;
import dev.queuelab.check.Binding;
import dev.queuelab.check.CheckResult;
import dev.queuelab.check.Event;
import dev.queuelab.check.Property;
import dev.queuelab.check.Registry;
import dev.queuelab.check.ScenarioStep;
import dev.queuelab.check.Settings;
import dev.queuelab.check.implementations.Implementations;
import dev.queuelab.check.pubsub.broadcast.BroadcastChecks;
import dev.queuelab.check.pubsub.exchange.BrokerFactory;
import dev.queuelab.check.pubsub.exchange.ExchangeChecks;
import dev.queuelab.check.pubsub.fanout.FanoutChecks;
import dev.queuelab.check.pubsub.subscription.SubscriptionChecks;
import dev.queuelab.check.pubsub.subscription.SubscriptionFactory;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.BiFunction;

/**
 * Pub/sub implementations broken the way someone who knows the products could break them, written from the
 * contracts, the references and the vendors' docs without sight of the checks or their galleries: a copy of each
 * topology's reference that makes one {@code Slip}. Each variant is judged as {@code -Dqueuelab.impl} would judge
 * it: every property of its topology, through the topology's binding, with the capabilities the harness holds its
 * reference to, {@code queuelab.trials} scenarios each (300 unless told). A variant is caught on a seed when some
 * property fails.
 */
final class HeldOutPubSub {

    /** One held-out implementation: where it belongs, its name and mistake, and how it is judged on a seed. */
    interface Variant {
        String topology();

        String name();

        String mistake();

        /** The first failing property's result on {@code seed}, or empty when every property passed or skipped. */
        Optional<CheckResult> caught(long seed);
    }

    private HeldOutPubSub() {}

    /** The command that runs one variant on seeds 1 to 5 (a failure's replay adds its property, seed and 1 trial). */
    static String replay(String name) {
        return replay("HeldOutPubSubTest", name);
    }

    /** As {@link #replay(String)}, through the test class {@code test}. */
    static String replay(String test, String name) {
        return "./mvnw -q -o -B -pl property-tests -am test -Dtest=" + test
                + " -Dsurefire.failIfNoSpecifiedTests=false -Dqueuelab.heldout=" + name;
    }

    /** Every held-out variant, and with {@code none} the harmless copies of the references too. */
    static List<Variant> all(boolean none) {
        List<Variant> out = new ArrayList<>();
        for (dev.queuelab.check.heldout.broadcast.Slip s : dev.queuelab.check.heldout.broadcast.Slip.values()) {
            if (none == (s == dev.queuelab.check.heldout.broadcast.Slip.NONE)) {
                BiFunction<BroadcastConfig, InstantSource, Broadcast> f =
                        (c, clock) -> new dev.queuelab.check.heldout.broadcast.RedisBroadcast(c, clock, s);
                out.add(variant(BroadcastChecks.BINDING, Implementations.BROADCASTS, s.name(), s.mistake, f));
            }
        }
        for (dev.queuelab.check.heldout.fanout.Slip s : dev.queuelab.check.heldout.fanout.Slip.values()) {
            if (none == (s == dev.queuelab.check.heldout.fanout.Slip.NONE)) {
                BiFunction<TopicConfig, InstantSource, Topic> f =
                        (c, clock) -> new dev.queuelab.check.heldout.fanout.SnsTopic(c, clock, s);
                out.add(variant(FanoutChecks.BINDING, Implementations.FANOUTS, s.name(), s.mistake, f));
            }
        }
        for (dev.queuelab.check.heldout.exchange.Slip s : dev.queuelab.check.heldout.exchange.Slip.values()) {
            if (none == (s == dev.queuelab.check.heldout.exchange.Slip.NONE)) {
                BrokerFactory f = clock -> new dev.queuelab.check.heldout.exchange.RabbitBroker(clock, s);
                out.add(variant(ExchangeChecks.BINDING, Implementations.EXCHANGES, s.name(), s.mistake, f));
            }
        }
        for (dev.queuelab.check.heldout.subscription.Slip s : dev.queuelab.check.heldout.subscription.Slip.values()) {
            if (none == (s == dev.queuelab.check.heldout.subscription.Slip.NONE)) {
                SubscriptionFactory f = clock -> new dev.queuelab.check.heldout.subscription.CloudPubSub(clock, s);
                out.add(variant(SubscriptionChecks.BINDING, Implementations.SUBSCRIPTIONS, s.name(), s.mistake, f));
            }
        }
        return out;
    }

    /** A variant judged with the capabilities the registry gives the topology's reference. */
    static <C, S extends ScenarioStep, K, F, E extends Event> Variant variant(
            Binding<C, S, K, F, E> binding, Registry<F, K> registry, String slip, String mistake, F factory) {
        K capabilities = registry.get(registry.topology() + ".reference").capabilities();
        return variant(binding, capabilities, name(registry.topology(), slip), mistake, factory, "HeldOutPubSubTest");
    }

    /** A held-out variant's name: its topology's, then {@code heldout.} and its slip in lower case with dashes. */
    static String name(String topology, String slip) {
        return topology + ".heldout." + slip.toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    /** A variant judged with {@code capabilities}, its failures replayed through the test class {@code test}. */
    static <C, S extends ScenarioStep, K, F, E extends Event> Variant variant(
            Binding<C, S, K, F, E> binding, K capabilities, String name, String mistake, F factory, String test) {
        return new Variant() {
            @Override
            public String topology() {
                return binding.topology();
            }

            @Override
            public String name() {
                return name;
            }

            @Override
            public String mistake() {
                return mistake;
            }

            @Override
            public Optional<CheckResult> caught(long seed) {
                Settings settings = new Settings(Settings.fromSystemProperties().trials(), OptionalLong.of(seed), name);
                String only = System.getProperty("queuelab.property", "").trim();
                for (Property<C, S, K> p : binding.properties()) {
                    if (!only.isEmpty() && !p.qualifiedName().equals(only)) {
                        continue;
                    }
                    CheckResult r = binding.check(
                            p,
                            name,
                            capabilities,
                            factory,
                            (q, i, sd) -> replay(test, i) + " -Dqueuelab.property=" + q.qualifiedName()
                                    + " -Dqueuelab.seed=" + sd + " -Dqueuelab.trials=1",
                            settings);
                    if (r.failed()) {
                        return Optional.of(r);
                    }
                }
                return Optional.empty();
            }
        };
    }
}
