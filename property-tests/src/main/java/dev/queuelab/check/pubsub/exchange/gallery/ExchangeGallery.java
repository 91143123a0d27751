package dev.queuelab.check.pubsub.exchange.gallery;

import dev.queuelab.api.pubsub.exchange.XDeath;
import dev.queuelab.check.pubsub.exchange.BrokerFactory;
import dev.queuelab.reference.pubsub.exchange.BrokerRules;
import dev.queuelab.reference.pubsub.exchange.RabbitBroker;
import java.util.List;

/**
 * The broker's bug gallery: the reference with one realistic mistake each, given as a {@link BrokerRules}
 * with one decision changed, and the anomaly its story must name.
 */
public final class ExchangeGallery {

    private ExchangeGallery() {}

    /** A variant: its name, how to make it, the anomaly that must catch it. */
    public record Variant(String name, BrokerFactory factory, String expected) {}

    private static BrokerFactory with(BrokerRules rules) {
        return clock -> new RabbitBroker(clock, rules);
    }

    public static final List<Variant> VARIANTS = List.of(
            new Variant(
                    "hash-matches-exactly-one-word",
                    with(new BrokerRules() {
                        @Override
                        public int hashMinWords() {
                            return 1;
                        }

                        @Override
                        public int hashMaxWords() {
                            return 1;
                        }
                    }),
                    "not-routed"),
            new Variant(
                    "prefetch-per-channel",
                    with(new BrokerRules() {
                        @Override
                        public boolean prefetchPerChannel() {
                            return true;
                        }
                    }),
                    "withheld"),
            new Variant(
                    "slow-consumer-holds-up-another-queue",
                    with(new BrokerRules() {
                        @Override
                        public boolean prefetchAcrossChannels() {
                            return true;
                        }
                    }),
                    "withheld"),
            new Variant(
                    "prefetch-one-over",
                    with(new BrokerRules() {
                        @Override
                        public int prefetchSlack() {
                            return 1;
                        }
                    }),
                    "over-prefetch"),
            new Variant(
                    "requeue-to-back",
                    with(new BrokerRules() {
                        @Override
                        public boolean requeueToBack() {
                            return true;
                        }
                    }),
                    "queue-reordered"),
            new Variant(
                    "confirm-from-first-queue",
                    with(new BrokerRules() {
                        @Override
                        public boolean confirmFromFirstQueueOnly() {
                            return true;
                        }
                    }),
                    "ack-without-enqueue"),
            new Variant(
                    "x-death-count-not-incremented",
                    with(new BrokerRules() {
                        @Override
                        public boolean incrementDeathCount() {
                            return false;
                        }
                    }),
                    "x-death-wrong"),
            new Variant(
                    "dead-letter-cycles-kept",
                    with(new BrokerRules() {
                        @Override
                        public boolean dropsCycle(List<XDeath> deaths) {
                            return false;
                        }
                    }),
                    "expired-delivered|dead-letter-wrong|misrouted|spurious-nack|x-death-wrong"),
            new Variant(
                    "reject-publish-drops-silently",
                    with(new BrokerRules() {
                        @Override
                        public boolean nackRefusedPublish() {
                            return false;
                        }
                    }),
                    "ack-without-enqueue"),
            new Variant(
                    "alternate-exchange-ignored",
                    with(new BrokerRules() {
                        @Override
                        public boolean useAlternateExchange() {
                            return false;
                        }
                    }),
                    "not-routed"));
}
