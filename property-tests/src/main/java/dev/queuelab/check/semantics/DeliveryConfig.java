package dev.queuelab.check.semantics;

import java.time.Duration;

/** A pipeline scenario's configuration: the work queue's visibility timeout (how soon a lease runs out). */
public record DeliveryConfig(Duration visibility) {

    @Override
    public String toString() {
        return "visibility " + visibility.toSeconds() + "s";
    }
}
