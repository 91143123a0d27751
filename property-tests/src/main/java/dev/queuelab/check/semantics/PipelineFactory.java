package dev.queuelab.check.semantics;

import dev.queuelab.reference.semantics.EffectStore;
import dev.queuelab.reference.semantics.Pipeline;
import java.time.InstantSource;

/** Makes a pipeline for one run, on the run's clock, recording its effects in the checker's store. */
@FunctionalInterface
public interface PipelineFactory {
    Pipeline make(DeliveryConfig config, InstantSource clock, EffectStore effects);
}
