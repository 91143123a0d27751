package dev.queuelab.check.semantics;

import dev.queuelab.check.Anomaly;
import dev.queuelab.check.Model;
import dev.queuelab.check.Op;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Judges an outbox's history by what the checker read from outside at the end: the committed orders and outbox
 * rows against every copy the queue received. It never asks the service what it did.
 */
final class RelayModel implements Model<RelayEvent> {

    private final List<Anomaly> anomalies = new ArrayList<>();
    private final Set<String> coverage = new HashSet<>();
    private int relayCrashes;

    @Override
    public void apply(RelayEvent event, Op op) {
        if (event instanceof RelayEvent.Ran r) {
            if (r.crashed()) {
                coverage.add(r.process().equals("relay") ? "crash in the relay" : "crash in the app");
                relayCrashes += r.process().equals("relay") ? 1 : 0;
            }
            if (r.afterPublish()) {
                coverage.add("crash after a publish");
            }
        } else if (event instanceof RelayEvent.Read read) {
            judge(read);
        } else if (event instanceof RelayEvent.Threw t) {
            anomalies.add(RelayRule.OPERATION_FAILED.found(t.step(), t.action() + " threw " + t.error()));
        }
    }

    private void judge(RelayEvent.Read read) {
        if (!read.orders().isEmpty()) {
            coverage.add("order committed");
        }
        Map<String, Integer> copies = new LinkedHashMap<>();
        read.received().forEach(id -> copies.merge(id, 1, Integer::sum));
        for (String id : copies.keySet()) {
            if (!read.orders().contains(id)) {
                anomalies.add(RelayRule.UNCOMMITTED_PUBLISHED.found(
                        read.step(), "the queue received " + id + ", and order " + id + " never committed"));
            }
        }
        for (String id : read.orders()) {
            if (!copies.containsKey(id)) {
                anomalies.add(RelayRule.MESSAGE_LOST.found(
                        read.step(),
                        "order " + id + " committed, and the queue never received its message, even after a relay"
                                + " ran to the end"));
            }
        }
        if (!new LinkedHashSet<>(read.orders()).equals(new LinkedHashSet<>(read.outbox()))) {
            anomalies.add(RelayRule.TORN_WRITE.found(
                    read.step(), "committed orders " + read.orders() + ", committed outbox rows " + read.outbox()));
        }
        copies.forEach((id, n) -> {
            if (n > 1 + relayCrashes) {
                anomalies.add(RelayRule.DUPLICATE_PUBLISHED.found(
                        read.step(),
                        "the queue received " + id + " " + n + " times, and " + relayCrashes + " crash"
                                + (relayCrashes == 1 ? "" : "es") + " of the relay explain at most "
                                + (1 + relayCrashes)));
            } else if (n > 1) {
                coverage.add("duplicate after a crash");
            }
        });
    }

    @Override
    public List<Anomaly> anomalies() {
        return anomalies;
    }

    @Override
    public Set<String> coverage() {
        return coverage;
    }
}
