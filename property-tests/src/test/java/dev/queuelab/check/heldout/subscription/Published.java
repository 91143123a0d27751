package dev.queuelab.check.heldout.subscription;

import dev.queuelab.api.pubsub.subscription.PubSubMessage;
import java.time.Instant;

/**
 * A message as the topic accepted it: its place in the topic's publish order, its id, what was sent and when.
 *
 * @param seq         the topic service's publish counter: a later publish has a larger one, even in one instant
 * @param id          the id publish answered
 * @param message     what was published
 * @param publishTime the instant the service accepted it
 */
public record Published(long seq, String id, PubSubMessage message, Instant publishTime) {}
