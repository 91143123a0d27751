package dev.queuelab.check.pubsub.subscription.gallery;

import dev.queuelab.api.pubsub.subscription.PubSubMessage;
import dev.queuelab.api.pubsub.subscription.PubSubService;
import dev.queuelab.api.pubsub.subscription.ReceivedMessage;
import dev.queuelab.check.pubsub.subscription.SubscriptionFactory;
import dev.queuelab.reference.pubsub.subscription.CloudPubSub;
import dev.queuelab.reference.pubsub.subscription.SubscriptionRules;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The subscriptions' bug gallery: the reference given rules with one realistic mistake each, and the anomaly the
 * checks must name for it. A variant the checks cannot catch is a bug in the engine, not in the variant.
 */
public final class SubscriptionGallery {

    private SubscriptionGallery() {}

    /**
     * @param name     how {@code -Dqueuelab.impl=subscription.gallery.NAME} chooses it
     * @param expected the anomaly its shrunk story must name
     * @param factory  makes it
     */
    public record Variant(String name, String expected, SubscriptionFactory factory) {}

    /**
     * Caught on every seed, but under the name of whichever lands on the deadline first (a late ack taken:
     * {@code stale-ack-accepted}; a pull left short: {@code missing-redelivery} or {@code withheld}), so it is
     * registered without an expected anomaly and stays out of the gallery's one-name demand.
     */
    public static final SubscriptionFactory DEADLINE_EXCLUSIVE = rules(new DeadlineExclusive());

    public static final List<Variant> VARIANTS = List.of(
            new Variant("later-key-past-nack", "key-reordered", rules(new LaterKeyPastNack())),
            new Variant("extension-from-delivery", "early-redelivery", rules(new ExtensionFromDelivery())),
            new Variant("dead-letter-one-early", "dead-letter-early", rules(new DeadLetterOneEarly())),
            new Variant("seek-skips-exact-time", "seek-misapplied", rules(new SeekSkipsExactTime())),
            new Variant("subscribes-to-the-past", "delivered-before-subscribed", rules(new SubscribesToThePast())),
            new Variant("fanout-stops-at-a-backlog", "lost", rules(new FanoutStopsAtABacklog())),
            new Variant("retention-at-the-boundary", "kept-past-retention", rules(new RetentionAtTheBoundary())),
            new Variant("dead-letter-one-late", "dead-letter-late", rules(new DeadLetterOneLate())),
            new Variant("ack-ignored", "stale-ack-accepted", clock -> new AckIgnored(new CloudPubSub(clock))),
            new Variant(
                    "nack-as-extension", "missing-redelivery", clock -> new NackAsExtension(new CloudPubSub(clock))),
            new Variant(
                    "attempt-counts-deliveries",
                    "wrong-delivery-attempt",
                    clock -> new AttemptCountsDeliveries(new CloudPubSub(clock))),
            new Variant(
                    "ordering-key-dropped", "message-altered", clock -> new OrderingKeyDropped(new CloudPubSub(clock))),
            new Variant("pull-one-short", "withheld", clock -> new PullOneShort(new CloudPubSub(clock))));

    private static SubscriptionFactory rules(SubscriptionRules rules) {
        return clock -> new CloudPubSub(clock, rules);
    }

    /** A nack or expiry redelivers only its own message: a later key-mate already delivered is not sent again. */
    static final class LaterKeyPastNack extends SubscriptionRules {
        @Override
        protected boolean redeliversLaterOfKey() {
            return false;
        }
    }

    /** modifyAckDeadline counts from the delivery instead of from now: a late extension gets less than asked. */
    static final class ExtensionFromDelivery extends SubscriptionRules {
        @Override
        protected Instant extensionStart(Instant deliveredAt, Instant now) {
            return deliveredAt;
        }
    }

    /** Dead-letters on the failure before the max: max_delivery_attempts 5 gives four deliveries. */
    static final class DeadLetterOneEarly extends SubscriptionRules {
        @Override
        protected boolean deadLetterDue(int failures, int maxDeliveryAttempts) {
            return failures >= maxDeliveryAttempts - 1;
        }
    }

    /** A seek to a time acks the message published exactly at it too ({@code <=} for {@code <}). */
    static final class SeekSkipsExactTime extends SubscriptionRules {
        @Override
        protected boolean seekAcks(Instant publishTime, Instant target) {
            return !publishTime.isAfter(target);
        }
    }

    /** A new subscription starts from the topic's history instead of from its creation. */
    static final class SubscribesToThePast extends SubscriptionRules {
        @Override
        protected boolean receivesEarlierMessages() {
            return true;
        }
    }

    /** A publish stops after a subscription with a backlog of 3: one slow subscriber starves the ones after it. */
    static final class FanoutStopsAtABacklog extends SubscriptionRules {
        @Override
        protected boolean fanOutPast(int backlog) {
            return backlog < 3;
        }
    }

    /** A lease ends only after its deadline, not at it: an ack exactly at the deadline is taken, a pull gets nothing. */
    static final class DeadlineExclusive extends SubscriptionRules {
        @Override
        protected boolean expired(Instant deadline, Instant now) {
            return now.isAfter(deadline);
        }
    }

    /** A message is kept through the instant its retention ends, one instant too long. */
    static final class RetentionAtTheBoundary extends SubscriptionRules {
        @Override
        protected boolean retained(Instant publishTime, Duration retention, Instant now) {
            return !now.isAfter(publishTime.plus(retention));
        }
    }

    /** Dead-letters on the failure after the max: max_delivery_attempts 5 gives six deliveries. */
    static final class DeadLetterOneLate extends SubscriptionRules {
        @Override
        protected boolean deadLetterDue(int failures, int maxDeliveryAttempts) {
            return failures > maxDeliveryAttempts;
        }
    }

    /** An ack answers true and does nothing: the message comes again at its deadline. */
    static final class AckIgnored extends ForwardingPubSubService {
        AckIgnored(PubSubService inner) {
            super(inner);
        }

        @Override
        public boolean acknowledge(String subscription, String ackId) {
            return true;
        }
    }

    /** A nack (deadline 0) is taken as "the longest deadline": a failing subscriber's message waits 10 minutes. */
    static final class NackAsExtension extends ForwardingPubSubService {
        NackAsExtension(PubSubService inner) {
            super(inner);
        }

        @Override
        public boolean modifyAckDeadline(String subscription, String ackId, int seconds) {
            return inner.modifyAckDeadline(subscription, ackId, seconds == 0 ? 600 : seconds);
        }
    }

    /** The delivery attempt counts deliveries of this subscription's pulls, not failures (off on a redelivered key-mate). */
    static final class AttemptCountsDeliveries extends ForwardingPubSubService {
        private final java.util.Map<String, Integer> deliveries = new java.util.HashMap<>();

        AttemptCountsDeliveries(PubSubService inner) {
            super(inner);
        }

        @Override
        public List<ReceivedMessage> pull(String subscription, int maxMessages) {
            List<ReceivedMessage> out = new java.util.ArrayList<>();
            for (ReceivedMessage r : inner.pull(subscription, maxMessages)) {
                int n = deliveries.merge(subscription + ":" + r.messageId(), 1, Integer::sum);
                out.add(new ReceivedMessage(
                        r.ackId(), r.messageId(), r.message(), r.publishTime(), r.deliveryAttempt() == 0 ? 0 : n));
            }
            return out;
        }
    }

    /** A delivery loses its ordering key on the way out. */
    static final class OrderingKeyDropped extends ForwardingPubSubService {
        OrderingKeyDropped(PubSubService inner) {
            super(inner);
        }

        @Override
        public List<ReceivedMessage> pull(String subscription, int maxMessages) {
            return inner.pull(subscription, maxMessages).stream()
                    .map(r -> new ReceivedMessage(
                            r.ackId(),
                            r.messageId(),
                            new PubSubMessage(
                                    r.message().data(), "", r.message().attributes()),
                            r.publishTime(),
                            r.deliveryAttempt()))
                    .toList();
        }
    }

    /** A pull of more than one asks for one fewer: a batch never fills. */
    static final class PullOneShort extends ForwardingPubSubService {
        PullOneShort(PubSubService inner) {
            super(inner);
        }

        @Override
        public List<ReceivedMessage> pull(String subscription, int maxMessages) {
            return inner.pull(subscription, maxMessages > 1 ? maxMessages - 1 : maxMessages);
        }
    }
}
