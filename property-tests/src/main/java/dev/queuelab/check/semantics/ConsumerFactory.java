package dev.queuelab.check.semantics;

import dev.queuelab.api.semantics.ConsumerConfig;
import dev.queuelab.api.semantics.MessageConsumer;
import java.time.InstantSource;

/** Makes a consumer process: once per run, and again after each of its crashes. */
@FunctionalInterface
public interface ConsumerFactory {
    MessageConsumer make(ConsumerConfig config, InstantSource clock);
}
