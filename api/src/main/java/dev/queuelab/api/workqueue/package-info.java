/**
 * The work queue's contract (point-to-point, SQS-like), in SQS's words: send, receive with a visibility
 * timeout, acknowledge by receipt, extend a lease, dead-letter after too many receives, redrive; FIFO queues
 * add message groups and a deduplication window.
 *
 * <p>Two kinds of "no": an answer the protocol expects (a duplicate send inside the window, a stale receipt)
 * comes back as an outcome, so that a simulation records it like any other result; a call that breaks the
 * contract (a batch over 10, a visibility outside 0 s to 12 h, a FIFO send without a group) throws an
 * exception whose message names the value and the fix.
 *
 * <p>Time: an implementation reads time only from the {@link java.time.InstantSource} it is given.
 */
package dev.queuelab.api.workqueue;
