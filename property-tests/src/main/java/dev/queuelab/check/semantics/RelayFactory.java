package dev.queuelab.check.semantics;

import dev.queuelab.api.semantics.OutboxService;

/** Makes an outbox service's process: once per process of a run (the app, the relay), and again after a crash. */
@FunctionalInterface
public interface RelayFactory {
    OutboxService make();
}
