package dev.queuelab.reference.backpressure;

import java.util.Optional;

/** Where a buffer's accepted messages wait, oldest first: in memory or in a log on disk. */
public interface BufferStore {

    void append(String message);

    /** Removes and returns the oldest message, if any. */
    Optional<String> take();

    int size();

    /** The process restarts: a store in memory comes back empty, a store on disk with what it held (BP5). */
    void restart();

    /** Whether {@link #restart} keeps what the store held. */
    boolean durable();
}
