package dev.queuelab.check.streams;

import dev.queuelab.api.streams.StreamService;
import java.time.InstantSource;

/** Makes a fresh stream service reading time from the given clock: the reference, or a gallery variant of it. */
@FunctionalInterface
public interface StreamFactory {
    StreamService create(InstantSource clock);
}
