/** Ephemeral publish/subscribe (Redis PUBLISH/SUBSCRIBE/PSUBSCRIBE): the contract and its records. */
package dev.queuelab.api.pubsub.broadcast;
