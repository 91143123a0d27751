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
 * Azure Event Hubs: throughput units bought for the namespace (ingress and egress alike), at least one partition
 * per unit, a consumer group per reader within the tier's count, checkpoints, and Capture for a longer history.
 */
final class EventHubsRules implements ProductRules {

    static final EventHubsRules INSTANCE = new EventHubsRules();

    private EventHubsRules() {}

    @Override
    public String home(Product p) {
        return "azure";
    }

    @Override
    public String offsetVerb() {
        return "checkpoint";
    }

    @Override
    public String producerKey(Design d, String base) {
        return ProductRules.logKey(base, "partition and offset");
    }

    @Override
    public String longerRetention() {
        return "Event Hubs Capture to Blob Storage (or Data Lake) and replay from there, the"
                + " premium or dedicated tier (90 days), or an event store that keeps every event";
    }

    @Override
    public Units units(Design d, double bytes) {
        Set<String> facts = d.facts;
        Answers.Context c = d.a().context();
        // units are bought for the namespace and cap ingress and egress alike; a partition carries about one
        String tu = "eventhubs.throughput-unit";
        facts.add(tu);
        facts.add("eventhubs.partitions");
        double out = bytes * d.readers();
        double hu = fact("guide.headroom", "factor");
        double unitsIn = Math.max(
                Math.ceil(bytes * hu / fact(tu, "bytes-per-second")),
                Math.ceil(c.throughputPerSecond() * hu / fact(tu, "records-per-second")));
        double unitsOut = Math.max(
                Math.ceil(out * hu / fact(tu, "egress-bytes-per-second")),
                Math.ceil(c.throughputPerSecond() * d.readers() * hu / fact(tu, "egress-records-per-second")));
        int units = (int) Math.max(1, Math.max(unitsIn, unitsOut));
        String formula = "; throughput units = the larger of ingress (" + Numbers.rate(bytes) + " or "
                + Numbers.plain(c.throughputPerSecond()) + " events/s, against "
                + Numbers.rate(fact(tu, "bytes-per-second")) + " or "
                + Numbers.plain(fact(tu, "records-per-second")) + " events/s a unit) and egress ("
                + Numbers.rate(out) + " to " + d.readers() + " reader(s), against "
                + Numbers.rate(fact(tu, "egress-bytes-per-second")) + " or "
                + Numbers.plain(fact(tu, "egress-records-per-second")) + " events/s a unit), each with "
                + Numbers.plain(hu) + "x headroom = "
                + Numbers.plain(units) + " (" + tu + ")";
        return new Units(units, formula, "eventhubs.partitions");
    }

    @Override
    public List<Setting> settings(Design d, Failure failure, Sizing sizing) {
        List<Setting> out = new ArrayList<>();
        if (sizing.throughputUnits() != null) {
            String tu = "eventhubs.throughput-unit";
            Profile.Range r = new Profile.Range(1.0, fact(tu, "max-units"));
            double units = r.clamp(sizing.throughputUnits());
            out.add(new Setting(
                    "throughput units (namespace, standard tier)",
                    Numbers.plain(units) + ", with auto-inflate capped at the same number so a burst is throttled,"
                            + " not billed",
                    units,
                    r,
                    "",
                    tu));
        }
        return out;
    }

    @Override
    public List<Check> checks(Design d, Sizing sizing) {
        List<Check> out = new ArrayList<>();
        if (d.s.queued()) {
            out.add(consumerGroups(d));
        }
        if (sizing.throughputUnits() != null) {
            String tu = "eventhubs.throughput-unit";
            double maxUnits = fact(tu, "max-units");
            double maxPartitions = fact("eventhubs.partitions", "max-count");
            boolean unitsOk = sizing.throughputUnits() <= maxUnits;
            boolean partitionsOk = sizing.partitions() <= maxPartitions;
            String unitsText = Numbers.plain(sizing.throughputUnits()) + " throughput unit(s) for "
                    + Numbers.rate(sizing.bytesPerSecond()) + " in and "
                    + Numbers.rate(sizing.bytesPerSecond() * d.readers()) + " out, of the " + Numbers.plain(maxUnits)
                    + " a standard namespace takes";
            String partitionsText = Numbers.plain(sizing.partitions()) + " partition(s), of the "
                    + Numbers.plain(maxPartitions) + " an event hub takes";
            // a failure names only the limit that is passed, so its reason is not read into the other
            String detail = unitsOk == partitionsOk
                    ? unitsText + "; " + partitionsText
                    : unitsOk
                            ? partitionsText + " (the " + unitsText + ", fit)"
                            : unitsText + " (the " + partitionsText + ", fit)";
            detail += "; units " + Capacity.percent(sizing.throughputUnits(), maxUnits) + " used, partitions "
                    + Capacity.percent(sizing.partitions(), maxPartitions) + " used";
            out.add(
                    unitsOk && partitionsOk
                            ? Check.ok("throughput-units", detail)
                            : new Check(
                                    "throughput-units",
                                    Status.FAIL,
                                    detail,
                                    "a tier above standard (premium or dedicated), or split the traffic over "
                                            + "several event hubs in several namespaces"));
        }
        return out;
    }

    /** Every reader of an event hub is a consumer group of its own, and the tier caps how many. */
    static Check consumerGroups(Design d) {
        String id = "eventhubs.consumer-groups";
        d.facts.add(id);
        double standard = fact(id, "standard-max-count");
        double premiumGroups = fact(id, "premium-max-count");
        double dedicated = fact(id, "dedicated-max-count");
        int wanted = d.readers();
        String detail =
                Numbers.plain(wanted) + " consumer group(s), one per reader, against the " + Numbers.plain(standard)
                        + " a standard event hub takes (" + Numbers.plain(premiumGroups) + " premium, "
                        + Numbers.plain(dedicated) + " dedicated)";
        detail += "; " + Capacity.percent(wanted, standard) + " used";
        return wanted <= standard
                ? Check.ok("consumer-groups", detail)
                : new Check(
                        "consumer-groups",
                        Status.FAIL,
                        detail,
                        wanted <= dedicated
                                ? "the " + (wanted <= premiumGroups ? "premium" : "dedicated")
                                        + " tier, or readers that share a consumer group (and so split its"
                                        + " events between them)"
                                : "copy the events to several event hubs, each read by at most "
                                        + Numbers.plain(dedicated) + " consumer groups");
    }
}
