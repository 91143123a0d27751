package dev.queuelab.guide;

import static dev.queuelab.guide.Design.fact;

import dev.queuelab.guide.Feasibility.Check;
import dev.queuelab.guide.Feasibility.Status;
import dev.queuelab.guide.Recommendation.Failure;
import dev.queuelab.guide.Recommendation.Setting;
import dev.queuelab.guide.Recommendation.Sizing;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Azure Service Bus: the tier (Standard's credits or Premium's messaging units), the entity's size, the lock and
 * its renewal, a topic's subscriptions. Its twin is a Service Bus namespace with one queue (or a topic with a
 * subscription per reader) and a dead-letter subqueue.
 */
final class ServiceBusRules implements ProductRules {

    static final ServiceBusRules INSTANCE = new ServiceBusRules();
    /** The setting that names the tier, which the cost section reads. */
    static final String TIER = "tier";

    private ServiceBusRules() {}

    @Override
    public String home(Product p) {
        return "azure";
    }

    @Override
    public String renewCall(Design d) {
        return "RenewMessageLock; the processor does it up to MaxAutoLockRenewalDuration, below";
    }

    @Override
    public String producerKey(Design d, String base) {
        return base + ", as the MessageId (duplicate detection reads the same field)";
    }

    @Override
    public String deadLetterKept(Design d) {
        return "kept until read; alarm on its depth";
    }

    @Override
    public Setting payloadSetting(Design d) {
        Situation s = d.s;
        // the nearest design is the premium tier, whose entities take 1,024 KB unless raised
        String id = s.product().payloadFact;
        double kb = Math.max(fact(id, "premium-default-kilobytes"), Math.ceil(s.payloadBytes() / 1024));
        return new Setting(
                "Premium tier, MaxMessageSizeInKilobytes",
                Numbers.plain(kb) + " KB",
                kb,
                new Profile.Range(fact(id, "premium-default-kilobytes"), fact(id, "premium-max-kilobytes")),
                "KB",
                id);
    }

    @Override
    public List<Setting> settings(Design d, Failure failure, Sizing sizing) {
        Situation s = d.s;
        Set<String> facts = d.facts;
        List<Setting> out = new ArrayList<>();
        {
            facts.add("servicebus.pricing");
            facts.add("servicebus.standard-throttling");
            out.add(new Setting(
                    TIER,
                    premium(d)
                            ? "Premium: dedicated messaging units (1 to "
                                    + Numbers.plain(fact("servicebus.pricing", "max-messaging-units"))
                                    + "), since " + premiumReason(d)
                            : "Standard: " + Numbers.plain(standardCredits(d)) + " credits a second of the "
                                    + Numbers.plain(fact("servicebus.standard-throttling", "credits-per-second"))
                                    + " a namespace gets",
                    null,
                    null,
                    null,
                    premium(d) ? "servicebus.pricing" : "servicebus.standard-throttling"));
        }
        if (failure.leaseSeconds() != null && d.heldPerDelivery(failure) > failure.leaseSeconds()) {
            // the lock is renewed by the client, and only for as long as its renewal duration allows
            facts.add("servicebus.auto-lock-renewal");
            double renew = Math.ceil(d.neededLease());
            out.add(new Setting(
                    s.functionOutsideAws()
                            ? "maxAutoLockRenewalDuration (host.json, extensions.serviceBus)"
                            : "MaxAutoLockRenewalDuration (ServiceBusProcessorOptions)",
                    Numbers.plain(renew) + " s: the renewal must outlast the work, and its default of "
                            + Numbers.seconds(fact("servicebus.auto-lock-renewal", "default-seconds"))
                            + " would lose the lock and deliver the message again",
                    renew,
                    null,
                    "s",
                    "servicebus.auto-lock-renewal"));
        }
        return out;
    }

    @Override
    public List<Check> checks(Design d, Sizing sizing) {
        Situation s = d.s;
        Set<String> facts = d.facts;
        List<Check> out = new ArrayList<>();
        // a message over Standard's size already means Premium, where credits do not apply
        // within Standard's credits the capacity check states them; past them, this says why the tier is Premium
        if (s.payloadBytes() <= d.profile().maxPayloadBytes()
                && standardCredits(d) > fact("servicebus.standard-throttling", "credits-per-second")) {
            double credits = fact("servicebus.standard-throttling", "credits-per-second");
            String detail = Numbers.plain(standardCredits(d)) + " credits a second (each message sent once and "
                    + "received by " + d.readers() + " reader(s)) against the " + Numbers.plain(credits)
                    + " a Standard namespace gets";
            detail += "; " + Capacity.percent(standardCredits(d), credits) + " used";
            out.add(
                    standardCredits(d) <= credits
                            ? Check.ok("standard-tier-credits", detail)
                            : new Check(
                                    "standard-tier-credits",
                                    Status.WARN,
                                    detail,
                                    "the Premium tier (the setting '" + TIER + "'), whose messaging units are not"
                                            + " throttled by credits"));
        }
        if (s.a().broadcast()) {
            out.add(ProductRules.subscriptionLimit(
                    d,
                    "servicebus.topic-subscriptions",
                    "max-count",
                    "a Service Bus topic",
                    "several topics, each with at most %s subscriptions (the producer sends to each, or a first"
                            + " topic auto-forwards to the others)"));
        }
        out.add(entitySize(d));
        return out;
    }

    /**
     * The credits a second a Service Bus Standard namespace would spend: every message is sent once and received
     * once by each reader (a subscription of a topic, or the queue's consumers).
     */
    static double standardCredits(Design d) {
        return d.a().context().throughputPerSecond()
                * (1 + d.readers())
                * fact("servicebus.standard-throttling", "credits-per-message-operation");
    }

    /** Service Bus needs the Premium tier: a message above Standard's size, or more credits than it grants. */
    static boolean premium(Design d) {
        return !premiumReason(d).isEmpty();
    }

    static String premiumReason(Design d) {
        List<String> why = new ArrayList<>();
        if (d.s.payloadBytes() > d.profile().maxPayloadBytes()) {
            why.add("messages of " + Numbers.bytes(d.s.payloadBytes()) + " are over Standard's "
                    + Numbers.bytes(d.profile().maxPayloadBytes()));
        }
        if (standardCredits(d) > fact("servicebus.standard-throttling", "credits-per-second")) {
            why.add(Numbers.plain(standardCredits(d)) + " credits a second are over Standard's "
                    + Numbers.plain(fact("servicebus.standard-throttling", "credits-per-second")));
        }
        return String.join(" and ", why);
    }

    /**
     * What a Service Bus queue or topic must hold when its consumers stop: the answered retention's worth of
     * messages, counted once (a topic's subscriptions share the copy), against the tier's entity size.
     */
    static Check entitySize(Design d) {
        String id = "servicebus.entity-size";
        d.facts.add(id);
        double max = fact(id, premium(d) ? "premium-max-bytes" : "standard-max-bytes");
        double premiumMax = fact(id, "premium-max-bytes");
        double bytes = d.a().context().throughputPerSecond() * d.s.payloadBytes();
        double retention = d.a().context().retentionDays() * 86_400.0;
        // a bulk load arrives at once: all of it sits in the entity until it drains
        double bulk = d.a().context().bulkLoadMessages() * d.s.payloadBytes();
        double held = Math.max(bytes * retention, bulk);
        String tier = premium(d) ? "Premium" : "Standard";
        String detail = (bulk > bytes * retention
                        ? "a bulk load of " + Numbers.plain(d.a().context().bulkLoadMessages()) + " messages = "
                                + Numbers.bytes(bulk) + " in the entity at once, against the "
                        : retention > 0
                                ? Numbers.plural(d.a().context().retentionDays(), "day") + " of messages at "
                                        + Numbers.rate(bytes) + " = " + Numbers.bytes(held) + " against the "
                                : "messages kept until consumed, against the ")
                + Numbers.bytes(max) + " a " + tier + " queue or topic holds: full after "
                + (bytes > 0 ? Numbers.duration(max / bytes) : "no time at all (nothing is sent)")
                + " of consumer outage";
        detail += "; " + Capacity.percent(held, max) + " used";
        if (held <= max) {
            return Check.ok("entity-size", detail);
        }
        return held <= premiumMax
                ? new Check(
                        "entity-size",
                        Status.WARN,
                        detail,
                        "the Premium tier (the setting '" + TIER + "'), whose entities hold "
                                + Numbers.bytes(premiumMax))
                : new Check(
                        "entity-size",
                        Status.FAIL,
                        detail,
                        "claim check for the bodies (object storage, a reference in the message) and an archive"
                                + " for the long retention, so the entity holds at most "
                                + Numbers.bytes(premiumMax));
    }
}
