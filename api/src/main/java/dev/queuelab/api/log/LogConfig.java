package dev.queuelab.api.log;

import dev.queuelab.api.Durations;
import dev.queuelab.api.OutOfRangeException;
import java.time.Duration;
import java.util.Objects;

/**
 * A topic's settings, named after Kafka's topic and group configuration.
 *
 * @param partitions     how many partitions (1 to 1000)
 * @param segmentBytes   {@code segment.bytes}: a segment rolls when the next record would take it past this
 * @param segmentAge     {@code segment.ms}: a segment rolls when its first record is this old
 * @param retentionTime  {@code retention.ms}: a segment whose newest record is older than this is deleted;
 *                       {@link #FOREVER} keeps segments whatever their age
 * @param retentionBytes {@code retention.bytes}: the oldest segments are deleted while the partition would
 *                       still hold at least this many bytes without them; {@link #UNLIMITED} keeps them all
 * @param sessionTimeout {@code session.timeout.ms}: a member with no heartbeat for this long leaves its group
 * @param assignor       how a group shares out the partitions
 * @param transactionTimeout {@code transaction.timeout.ms}: a transaction still open this long after its first
 *                       write is aborted by the coordinator, which fences its producer; at most
 *                       {@link LogFacts#TRANSACTION_MAX_TIMEOUT} ({@code transaction.max.timeout.ms})
 */
public record LogConfig(
        int partitions,
        long segmentBytes,
        Duration segmentAge,
        Duration retentionTime,
        long retentionBytes,
        Duration sessionTimeout,
        Assignor assignor,
        Duration transactionTimeout) {

    /** No time limit on retention (Kafka's retention.ms = -1). */
    public static final Duration FOREVER = Duration.ofSeconds(Long.MAX_VALUE);
    /** No size limit on retention (Kafka's retention.bytes = -1). */
    public static final long UNLIMITED = -1;

    public LogConfig {
        if (partitions < 1 || partitions > 1000) {
            throw new OutOfRangeException("partitions", partitions, "1 to 1000");
        }
        if (segmentBytes < 1) {
            throw new OutOfRangeException("segmentBytes", segmentBytes, "1 byte or more");
        }
        requirePositive("segmentAge", segmentAge);
        requirePositive("retentionTime", retentionTime);
        if (retentionBytes < 0 && retentionBytes != UNLIMITED) {
            throw new OutOfRangeException("retentionBytes", retentionBytes, "0 or more, or LogConfig.UNLIMITED");
        }
        requirePositive("sessionTimeout", sessionTimeout);
        Objects.requireNonNull(assignor, "assignor");
        requirePositive("transactionTimeout", transactionTimeout);
        if (transactionTimeout.compareTo(LogFacts.TRANSACTION_MAX_TIMEOUT) > 0) {
            throw new OutOfRangeException(
                    "transactionTimeout",
                    Durations.brief(transactionTimeout),
                    "above 0s and at most " + Durations.brief(LogFacts.TRANSACTION_MAX_TIMEOUT)
                            + " (Kafka's transaction.max.timeout.ms)");
        }
    }

    /** With Kafka's default transaction timeout ({@link LogFacts#TRANSACTION_TIMEOUT_DEFAULT}). */
    public LogConfig(
            int partitions,
            long segmentBytes,
            Duration segmentAge,
            Duration retentionTime,
            long retentionBytes,
            Duration sessionTimeout,
            Assignor assignor) {
        this(
                partitions,
                segmentBytes,
                segmentAge,
                retentionTime,
                retentionBytes,
                sessionTimeout,
                assignor,
                LogFacts.TRANSACTION_TIMEOUT_DEFAULT);
    }

    /**
     * Kafka's defaults where they fit a simulation: 1 GiB segments rolled weekly, kept 7 days with no size
     * limit, a 45 s session timeout, the range assignor, a 60 s transaction timeout.
     */
    public static LogConfig of(int partitions) {
        return new LogConfig(
                partitions,
                1L << 30,
                Duration.ofDays(7),
                Duration.ofDays(7),
                UNLIMITED,
                Duration.ofSeconds(45),
                Assignor.RANGE);
    }

    public LogConfig withSegmentBytes(long bytes) {
        return new LogConfig(
                partitions,
                bytes,
                segmentAge,
                retentionTime,
                retentionBytes,
                sessionTimeout,
                assignor,
                transactionTimeout);
    }

    public LogConfig withSegmentAge(Duration age) {
        return new LogConfig(
                partitions,
                segmentBytes,
                age,
                retentionTime,
                retentionBytes,
                sessionTimeout,
                assignor,
                transactionTimeout);
    }

    public LogConfig withRetentionTime(Duration time) {
        return new LogConfig(
                partitions,
                segmentBytes,
                segmentAge,
                time,
                retentionBytes,
                sessionTimeout,
                assignor,
                transactionTimeout);
    }

    public LogConfig withRetentionBytes(long bytes) {
        return new LogConfig(
                partitions,
                segmentBytes,
                segmentAge,
                retentionTime,
                bytes,
                sessionTimeout,
                assignor,
                transactionTimeout);
    }

    public LogConfig withSessionTimeout(Duration timeout) {
        return new LogConfig(
                partitions,
                segmentBytes,
                segmentAge,
                retentionTime,
                retentionBytes,
                timeout,
                assignor,
                transactionTimeout);
    }

    public LogConfig withAssignor(Assignor a) {
        return new LogConfig(
                partitions,
                segmentBytes,
                segmentAge,
                retentionTime,
                retentionBytes,
                sessionTimeout,
                a,
                transactionTimeout);
    }

    public LogConfig withTransactionTimeout(Duration timeout) {
        return new LogConfig(
                partitions, segmentBytes, segmentAge, retentionTime, retentionBytes, sessionTimeout, assignor, timeout);
    }

    public boolean keepsForever() {
        return retentionTime.equals(FOREVER);
    }

    /** A partition number this topic has, or an exception naming the range. */
    public int requirePartition(int partition) {
        if (partition < 0 || partition >= partitions) {
            throw new OutOfRangeException(
                    "partition",
                    partition,
                    "0 to " + (partitions - 1) + " (the topic has " + partitions + " partitions)");
        }
        return partition;
    }

    private static void requirePositive(String name, Duration d) {
        if (d == null || d.isNegative() || d.isZero()) {
            throw new OutOfRangeException(name, d == null ? null : Durations.brief(d), "a duration above 0s");
        }
    }
}
