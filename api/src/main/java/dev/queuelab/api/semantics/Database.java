package dev.queuelab.api.semantics;

/**
 * The one store a process keeps across a crash: a dedupe table (keys and when each was marked), the effects the
 * messages ask for, the orders and their outbox. Every read and write goes through a {@link Transaction}; what it
 * committed survives a crash of the process, what it had not committed is gone, as in a real database.
 */
public interface Database {

    /** A new transaction; it sees what was committed before it, and its own writes. */
    Transaction begin();
}
