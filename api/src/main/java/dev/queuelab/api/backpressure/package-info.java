/**
 * Backpressure's contract: a bounded buffer between a producer faster than its consumer ({@link Buffer}), what an
 * offer is answered ({@link Offer}), its configuration ({@link BufferConfig}) and the depth alarm's listener
 * ({@link AlarmListener}). The four responses to a full buffer (block, buffer in memory, buffer to disk, drop) are
 * implementations of the one contract.
 */
package dev.queuelab.api.backpressure;
