package dev.queuelab.check;

import dev.queuelab.check.workqueue.WorkQueueProperty;

/** Architecture fixture: a class in the engine's core that reaches into one topology. The rule must catch it. */
public final class CoreThatSeesAWorkQueue {

    public String firstProperty() {
        return WorkQueueProperty.values()[0].id();
    }
}
