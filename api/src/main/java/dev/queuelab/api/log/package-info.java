/**
 * The partitioned log's contract, in Kafka's words: a topic of N partitions, each an append-only sequence of
 * records numbered by offset; consumer groups that share out the partitions and keep committed offsets; the
 * idempotent producer and transactions.
 *
 * <p>Two kinds of "no": an answer the protocol expects (a duplicate append, a fenced commit, a stale
 * heartbeat) comes back as an outcome enum or record, so that a simulation records it like any other result;
 * a call that breaks the contract (a partition that does not exist, an offset below the log start, a
 * transaction that was never begun) throws an exception whose message names the value and the fix.
 *
 * <p>Time: an implementation reads time only from the {@link java.time.InstantSource} it is given; session
 * timeouts and retention are evaluated against it lazily, at the start of each call.
 */
package dev.queuelab.api.log;
