package dev.queuelab.check.semantics;

import java.time.Duration;

/**
 * What the harness holds a pipeline to (its capabilities): no effect twice (DL1), no message lost (DL2), each
 * input's output once inside the log (DL6); how long its dedupe store remembers a key (zero without one), and
 * how many consumers its scenarios may start.
 */
public record DeliveryPromise(boolean noDuplicate, boolean noLoss, boolean inLog, Duration keyTtl, int consumers) {

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
