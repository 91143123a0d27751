package dev.queuelab.check.backpressure;

import dev.queuelab.api.backpressure.AlarmListener;
import dev.queuelab.api.backpressure.Buffer;
import dev.queuelab.api.backpressure.BufferConfig;
import java.time.InstantSource;

/** Makes a buffer for one run, on the run's clock, telling the checker's listener of its alarm. */
@FunctionalInterface
public interface BufferFactory {
    Buffer make(BufferConfig config, InstantSource clock, AlarmListener alarm);
}
