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
 * Judges a pipeline's history by the world outside it: the keys the producer published and the effects the
 * effect store recorded (and, on the log, what a read_committed reader sees), held to what the harness says the
 * pipeline promises. It never asks the pipeline what it did.
 */
final class DeliveryModel implements Model<DeliveryEvent> {

    private final DeliveryPromise promise;
    private final List<Anomaly> anomalies = new ArrayList<>();
    private final Set<String> coverage = new HashSet<>();
    private final Set<String> published = new LinkedHashSet<>();
    private final Map<String, DeliveryEvent.Effected> first = new HashMap<>();

    DeliveryModel(DeliveryPromise promise) {
        this.promise = promise;
    }

    @Override
    public void apply(DeliveryEvent event, Op op) {
        if (event instanceof DeliveryEvent.Call c) {
            if (c.process().equals("P") && c.action().startsWith("P publishes ")) {
                published.addAll(promise.effectKeys(c.action().substring("P publishes ".length())));
            }
            if (c.fault()) {
                coverage.add(c.process().equals("network") ? "network fault" : "crash");
                if (c.answer().startsWith("lost its place")) {
                    coverage.add("crash holding a message");
                }
            }
        } else if (event instanceof DeliveryEvent.Effected e) {
            coverage.add("effect");
            DeliveryEvent.Effected before = first.putIfAbsent(e.key(), e);
            if (before != null) {
                coverage.add("effect repeated");
                if (promise.noDuplicate()) {
                    duplicate(before, e);
                }
            }
        } else if (event instanceof DeliveryEvent.Output o && promise.inLog()) {
            Map<String, Integer> count = new HashMap<>();
            o.keys().forEach(k -> count.merge(k, 1, Integer::sum));
            for (String key : published) {
                int n = count.getOrDefault(key, 0);
                if (n > 1) {
                    anomalies.add(DeliveryRule.OUTPUT_DUPLICATED.found(
                            o.step(), key + " is in the committed output " + n + " times: " + o.answer()));
                } else if (n == 0) {
                    anomalies.add(
                            DeliveryRule.OUTPUT_LOST.found(o.step(), key + " has no committed output: " + o.answer()));
                }
            }
        } else if (event instanceof DeliveryEvent.Threw t) {
            anomalies.add(DeliveryRule.OPERATION_FAILED.found(t.step(), t.action() + " threw " + t.error()));
        }
    }

    private void duplicate(DeliveryEvent.Effected before, DeliveryEvent.Effected again) {
        Duration gap = Duration.between(before.at(), again.at());
        String evidence = again.key() + ": effect #" + before.number() + " by " + before.by() + " at "
                + seconds(before.at()) + ", effect #" + again.number() + " by " + again.by() + " at "
                + seconds(again.at());
        boolean expired = !promise.keyTtl().isZero() && gap.compareTo(promise.keyTtl()) >= 0;
        anomalies.add(
                expired
                        ? DeliveryRule.DUPLICATE_AFTER_KEY_EXPIRED.found(
                                again.step(),
                                evidence + ": " + gap.toSeconds() + "s apart, and the key is kept "
                                        + promise.keyTtl().toSeconds() + "s")
                        : DeliveryRule.EFFECT_DUPLICATED.found(again.step(), evidence));
    }

    private String seconds(Instant at) {
        return "t=" + at.getEpochSecond() % 86_400 + "s";
    }

    @Override
    public void finish(int lastStep) {
        if (!promise.noLoss()) {
            return;
        }
        for (String key : published) {
            if (!first.containsKey(key)) {
                anomalies.add(DeliveryRule.EFFECT_LOST.found(
                        lastStep, key + " was published and has no effect, even after the drain"));
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
