package dev.queuelab.api.backpressure;

/** Told when a buffer's depth alarm is raised or cleared: the pager, the autoscaler, the dashboard. */
@FunctionalInterface
public interface AlarmListener {

    /** The alarm is now {@code raised} (or cleared), at this depth. */
    void alarm(boolean raised, int depth);

    AlarmListener NONE = (raised, depth) -> {};
}
