package dev.queuelab.api.log;

import dev.queuelab.api.OutOfRangeException;
import java.time.Duration;

/**
 * When a log on disk forces its appends to the device, and so what an acknowledged append survives.
 *
 * <ul>
 *   <li>{@link ForceEachAppend}: each append is written and forced before it is acknowledged: durable, one
 *       {@code fsync} per record (Kafka with {@code flush.messages=1});</li>
 *   <li>{@link GroupCommit}: appends are written at once and acknowledged together by the one force that
 *       covers them, issued when {@code maxBytes} are waiting or the oldest has waited {@code linger};
 *       durable, one {@code fsync} per batch, and a producer pipelines appends while it waits;</li>
 *   <li>{@link PageCache}: written, never forced by the log (the operating system writes back when it
 *       chooses): acknowledged once written, so it survives a crash of the process, not a power loss (Kafka's
 *       default, {@code flush.messages} unset, which leaves durability to replication).</li>
 * </ul>
 */
public sealed interface FlushPolicy
        permits FlushPolicy.ForceEachAppend, FlushPolicy.GroupCommit, FlushPolicy.PageCache {

    /** What an append acknowledged under this policy survives. */
    Durability durability();

    /** A short name for reports: force, group-commit, page-cache. */
    String name();

    record ForceEachAppend() implements FlushPolicy {
        public Durability durability() {
            return Durability.FORCED;
        }

        public String name() {
            return "force";
        }
    }

    /**
     * @param maxBytes a force is due once this many bytes of appends wait for one (1 or more)
     * @param linger   a force is due once the oldest waiting append is this old (above 0s)
     */
    record GroupCommit(long maxBytes, Duration linger) implements FlushPolicy {
        public GroupCommit {
            if (maxBytes < 1) {
                throw new OutOfRangeException("maxBytes", maxBytes, "1 byte or more (1048576 forces once per MiB)");
            }
            if (linger == null || linger.isNegative() || linger.isZero()) {
                throw new OutOfRangeException("linger", linger, "a duration above 0s, such as 5ms");
            }
        }

        public Durability durability() {
            return Durability.FORCED;
        }

        public String name() {
            return "group-commit";
        }
    }

    record PageCache() implements FlushPolicy {
        public Durability durability() {
            return Durability.PAGE_CACHE;
        }

        public String name() {
            return "page-cache";
        }
    }

    static FlushPolicy forceEachAppend() {
        return new ForceEachAppend();
    }

    static FlushPolicy groupCommit(long maxBytes, Duration linger) {
        return new GroupCommit(maxBytes, linger);
    }

    static FlushPolicy pageCache() {
        return new PageCache();
    }
}
