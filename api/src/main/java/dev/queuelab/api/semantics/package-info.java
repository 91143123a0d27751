/**
 * Delivery semantics as a learner writes them: a consumer that does each message's effect once per idempotency
 * key ({@link MessageConsumer}, given a {@link Delivery} and a {@link Database}), and a transactional outbox with
 * its relay ({@link OutboxService}, publishing through a {@link Publisher}). A {@link Database} is all a process
 * keeps across a crash: what a {@link Transaction} committed survives, everything else dies with the process.
 */
package dev.queuelab.api.semantics;
