package dev.queuelab.check.pubsub.subscription;

import dev.queuelab.api.pubsub.subscription.PubSubService;
import java.time.InstantSource;

/** Makes a fresh topic service reading time from the given clock: the reference, or a gallery variant of it. */
@FunctionalInterface
public interface SubscriptionFactory {
    PubSubService create(InstantSource clock);
}
