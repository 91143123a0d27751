package dev.queuelab.guide;

import static dev.queuelab.guide.Design.fact;

import dev.queuelab.guide.Recommendation.Failure;
import dev.queuelab.guide.Recommendation.Setting;
import dev.queuelab.guide.Recommendation.Sizing;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Google Cloud Pub/Sub: a subscription per reader, an ack deadline the client libraries extend up to their maximum,
 * a dead-letter topic (with a subscription of its own), ordering keys, exactly-once delivery on pull subscriptions
 * only, and seeking a subscription that keeps acknowledged messages to replay.
 */
final class PubSubRules implements ProductRules {

    static final PubSubRules INSTANCE = new PubSubRules();
    /** The setting that says a function's trigger receives by push, which the record's label follows. */
    static final String SUBSCRIPTION_TYPE = "subscription type";

    private PubSubRules() {}

    @Override
    public String home(Product p) {
        return "gcp";
    }

    @Override
    public String renewCall(Design d) {
        return "modifyAckDeadline; the client libraries do it up to their maximum extension, below";
    }

    /** A Pub/Sub-triggered function receives by push, where exactly-once delivery does not apply. */
    @Override
    public boolean pushDelivery(Design d) {
        return d.s.functionOutsideAws();
    }

    @Override
    public String producerKey(Design d, String base) {
        d.facts.add("pubsub.exactly-once");
        return base + ", in an attribute: a publisher's retry gets a new message id";
    }

    @Override
    public String deadLetterKept(Design d) {
        return "a dead-letter topic with a subscription attached (a topic without one loses what it receives), "
                + "retention up to "
                + Numbers.seconds(d.profile().retentionSeconds().max());
    }

    @Override
    public String longerRetention() {
        return "a Cloud Storage subscription archiving every message, replayed from there, or Kafka"
                + " with retention bounded by its disks";
    }

    @Override
    public List<Setting> retentionSettings(Design d) {
        Situation s = d.s;
        List<Setting> out = new ArrayList<>();
        if (s.a().replay()) {
            out.add(new Setting(
                    "retain_acked_messages (subscription)",
                    "true: acknowledged messages stay for the retention above, so seeking the subscription to a"
                            + " time (or a snapshot) replays them; without it, acknowledged messages are gone",
                    null,
                    null,
                    null,
                    s.product().retentionFact));
        }
        return out;
    }

    @Override
    public List<Setting> settings(Design d, Failure failure, Sizing sizing) {
        Situation s = d.s;
        Set<String> facts = d.facts;
        List<Setting> out = new ArrayList<>();
        if (d.pushSubscription()) {
            out.add(new Setting(
                    SUBSCRIPTION_TYPE,
                    "push (the function's Eventarc trigger): exactly-once delivery is for pull subscriptions only,"
                            + " so the consumer's dedupe (below) is what stops a repeat",
                    null,
                    null,
                    null,
                    "pubsub.exactly-once"));
        }
        if (!d.pushSubscription()
                && failure.leaseSeconds() != null
                && d.heldPerDelivery(failure) > failure.leaseSeconds()) {
            // the client library renews the ack deadline, and only for its maximum extension period
            facts.add("pubsub.lease-management");
            double extend = Math.max(
                    Math.ceil(d.neededLease()), fact("pubsub.lease-management", "default-max-extension-seconds"));
            out.add(new Setting(
                    "maximum lease extension (subscriber client: maxAckExtensionPeriod, max_lease_duration)",
                    Numbers.plain(extend) + " s"
                            + (d.neededLease() > fact("pubsub.lease-management", "default-max-extension-seconds")
                                    ? ": raised from the libraries' default of "
                                            + Numbers.seconds(
                                                    fact("pubsub.lease-management", "default-max-extension-seconds"))
                                            + ", past which the message is delivered again mid-work"
                                    : ": the libraries' default, longer than the work"),
                    extend,
                    null,
                    "s",
                    "pubsub.lease-management"));
        }
        return out;
    }

    /** A push subscription has no exactly-once delivery to enable. */
    @Override
    public Setting extra(Design d, Failure failure, String extra) {
        return d.pushSubscription() && extra.startsWith("enable_exactly_once_delivery")
                ? null
                : ProductRules.super.extra(d, failure, extra);
    }
}
