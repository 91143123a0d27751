/**
 * Subscriptions as Google Cloud Pub/Sub has them, in its words: a topic, subscriptions that each receive every
 * message published after they were created, pull with a per-subscription ack deadline, {@code acknowledge},
 * {@code modifyAckDeadline} (0 is a nack), ordering keys, a dead-letter topic after max delivery attempts,
 * seek to a time or to a snapshot, and retained acknowledged messages.
 *
 * <p>Two kinds of "no": an answer the protocol expects (an ack id whose lease is gone) comes back as
 * {@code false}, so that a simulation records it like any other result; a call that breaks the contract (an
 * unknown subscription, a deadline outside 0 s to 600 s) throws an exception whose message names the value and
 * the fix.
 *
 * <p>Time: an implementation reads time only from the {@link java.time.InstantSource} it is given.
 */
package dev.queuelab.api.pubsub.subscription;
