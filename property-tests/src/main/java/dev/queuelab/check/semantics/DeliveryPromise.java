package dev.queuelab.check.semantics;

import java.time.Duration;
import java.util.List;

/**
 * What the harness holds a pipeline to (its capabilities): no effect twice (DL1), no message lost (DL2), each
 * input's output once inside the log (DL6); how long its dedupe store remembers a key (zero without one), how
 * many consumers its scenarios may start, and, on durable fanout, the subscriptions each message must have its
 * own effect in (DL7; empty: one effect per message).
 */
public record DeliveryPromise(
        boolean noDuplicate,
        boolean noLoss,
        boolean inLog,
        Duration keyTtl,
        int consumers,
        List<String> subscriptions) {

    public DeliveryPromise {
        subscriptions = List.copyOf(subscriptions);
    }

    public DeliveryPromise(boolean noDuplicate, boolean noLoss, boolean inLog, Duration keyTtl, int consumers) {
        this(noDuplicate, noLoss, inLog, keyTtl, consumers, List.of());
    }

    /** The same promise, kept in each of these subscriptions (DL7). */
    public DeliveryPromise perSubscription(List<String> names) {
        return new DeliveryPromise(noDuplicate, noLoss, inLog, keyTtl, consumers, names);
    }

    /** The effect keys a published message must reach: itself, or {@code key@subscription} for each one. */
    public List<String> effectKeys(String key) {
        return subscriptions.isEmpty()
                ? List.of(key)
                : subscriptions.stream().map(s -> key + "@" + s).toList();
    }

    public static DeliveryPromise atMostOnce() {
        return new DeliveryPromise(true, false, false, Duration.ZERO, 2);
    }

    public static DeliveryPromise atLeastOnce() {
        return new DeliveryPromise(false, true, false, Duration.ZERO, 2);
    }

    public static DeliveryPromise exactlyOnceEffect(Duration keyTtl, int consumers) {
        return new DeliveryPromise(true, true, false, keyTtl, consumers);
    }

    public static DeliveryPromise exactlyOnceInLog() {
        return new DeliveryPromise(false, false, true, Duration.ZERO, 1);
    }
}
