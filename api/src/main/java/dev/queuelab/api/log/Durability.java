package dev.queuelab.api.log;

/**
 * What an acknowledged append survives: the promise behind {@link PartitionedLog#send}'s future.
 */
public enum Durability {
    /** Kept in the process's memory only: a restart of the process loses it. */
    MEMORY,
    /** Written to the operating system's page cache: survives a crash of the process, not a power loss. */
    PAGE_CACHE,
    /** Forced to the device ({@code fsync}): survives a crash of the process and a power loss. */
    FORCED;

    /** True when an acknowledged append survives a power loss: only then is it acknowledged as durable. */
    public boolean survivesPowerLoss() {
        return this == FORCED;
    }
}
