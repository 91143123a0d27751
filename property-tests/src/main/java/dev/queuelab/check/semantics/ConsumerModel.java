package dev.queuelab.check.semantics;

import dev.queuelab.check.Anomaly;
import dev.queuelab.check.Model;
import dev.queuelab.check.Op;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Judges a consumer's history by the world outside it: the keys published, the effects the effect store
 * recorded, the dedupe table and the queue as the checker read them. It never asks the consumer what it did.
 */
final class ConsumerModel implements Model<ConsumerEvent> {

    private final ConsumerTrial trial;
    private final List<Anomaly> anomalies = new ArrayList<>();
    private final Set<String> coverage = new HashSet<>();
    private final Set<String> published = new LinkedHashSet<>();
    private final Map<String, ConsumerEvent.Effected> first = new HashMap<>();

    ConsumerModel(ConsumerTrial trial) {
        this.trial = trial;
    }

    @Override
    public void apply(ConsumerEvent event, Op op) {
        if (event instanceof ConsumerEvent.Published p) {
            published.add(p.key());
        } else if (event instanceof ConsumerEvent.Consumed c) {
            if (c.key() != null && first.containsKey(c.key())) {
                coverage.add("second copy");
            }
            if (c.crashedMidway()) {
                coverage.add("crash inside consume");
            }
            if (c.due()) {
                coverage.add("key due to expire");
            }
        } else if (event instanceof ConsumerEvent.Effected e) {
            coverage.add("effect");
            ConsumerEvent.Effected before = first.putIfAbsent(e.key(), e);
            if (before != null) {
                duplicate(before, e);
            }
        } else if (event instanceof ConsumerEvent.Stale s) {
            anomalies.add(ConsumerRule.KEY_OUTLIVED_TTL.found(
                    s.step(),
                    String.join(", ", s.keys()) + " still marked at " + seconds(s.at()) + ", although the key TTL is "
                            + trial.keyTtl().toSeconds() + "s: the commit swept nothing"));
        } else if (event instanceof ConsumerEvent.Left l) {
            anomalies.add(ConsumerRule.NOT_ACKED.found(l.step(), l.answer() + ": it was never acked"));
        } else if (event instanceof ConsumerEvent.Threw t) {
            anomalies.add(ConsumerRule.OPERATION_FAILED.found(t.step(), t.action() + " threw " + t.error()));
        }
    }

    private void duplicate(ConsumerEvent.Effected before, ConsumerEvent.Effected again) {
        Duration gap = Duration.between(before.at(), again.at());
        boolean expired = gap.compareTo(trial.keyTtl()) >= 0;
        if (expired && trial.expiryAllowed()) {
            coverage.add("processed again after expiry");
            return;
        }
        String evidence = again.key() + ": effect #" + before.number() + " by " + before.by() + " at "
                + seconds(before.at()) + ", effect #" + again.number() + " by " + again.by() + " at "
                + seconds(again.at());
        anomalies.add(
                expired
                        ? DeliveryRule.DUPLICATE_AFTER_KEY_EXPIRED.found(
                                again.step(),
                                evidence + ": " + gap.toSeconds() + "s apart, and the key is kept "
                                        + trial.keyTtl().toSeconds() + "s")
                        : ConsumerRule.EFFECT_DUPLICATED.found(again.step(), evidence));
    }

    private static String seconds(Instant at) {
        return "t=" + at.getEpochSecond() % 86_400 + "s";
    }

    @Override
    public void finish(int lastStep) {
        for (String key : published) {
            if (!first.containsKey(key)) {
                anomalies.add(ConsumerRule.EFFECT_LOST.found(
                        lastStep, key + " was published and has no committed effect, even after the drain"));
            }
        }
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
