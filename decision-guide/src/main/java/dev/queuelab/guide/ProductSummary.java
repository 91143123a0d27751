package dev.queuelab.guide;

import java.util.ArrayList;
import java.util.List;

/** One line per product, from its profile, so the products in a record are weighed on the same terms. */
final class ProductSummary {

    private ProductSummary() {}

    static String of(Product p) {
        Profile f = p.profile();
        Vocabulary v = p.vocabulary();
        List<String> parts = new ArrayList<>();
        if (f.maxPayloadBytes() != null) {
            parts.add("messages up to " + Numbers.bytes(f.maxPayloadBytes())
                    + (f.raisedPayloadBytes() != null
                            ? " (" + Numbers.bytes(f.raisedPayloadBytes()) + " once raised)"
                            : ""));
        }
        if (f.leaseSeconds().max() != null) {
            parts.add(v.lease() + " up to " + Numbers.plain(f.leaseSeconds().max()) + " s");
        }
        if (f.attempts().min() != null && f.attempts().max() != null) {
            parts.add(v.attempts() + " " + f.attempts());
        }
        if (f.retentionSeconds().max() != null) {
            parts.add("retention up to " + Numbers.seconds(f.retentionSeconds().max()));
        }
        if (!v.lane().equals("none")) {
            parts.add("order per " + v.lane());
        }
        String lane = v.lane().split(" \\(")[0];
        if (f.laneUnbatchedRecordsPerSecond() != null) {
            parts.add("each " + lane + " at most " + Numbers.plain(f.laneUnbatchedRecordsPerSecond()) + " msg/s ("
                    + Numbers.plain(f.laneRecordsPerSecond()) + " in batches)");
        } else if (f.laneRecordsPerSecond() != null || f.laneBytesPerSecond() != null) {
            List<String> quota = new ArrayList<>();
            if (f.laneRecordsPerSecond() != null) {
                quota.add(Numbers.plain(f.laneRecordsPerSecond()) + " records/s");
            }
            if (f.laneBytesPerSecond() != null) {
                quota.add(Numbers.rate(f.laneBytesPerSecond()));
            }
            parts.add("each " + lane + " at most " + String.join(" and ", quota) + " in");
        }
        parts.add(
                p.nativeDeadLetter()
                        ? "dead letters by the broker"
                        : v.deadLetter().equals("none") ? "no dead letters" : "dead letters built by the consumer");
        String offer = p.exactlyOnceFact == null
                ? null
                : Facts.registry().get(p.exactlyOnceFact).value();
        parts.add(offer == null || offer.startsWith("no ") ? "no exactly-once mechanism" : "exactly-once: " + offer);
        return String.join("; ", parts);
    }
}
