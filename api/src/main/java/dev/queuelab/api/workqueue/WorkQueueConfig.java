package dev.queuelab.api.workqueue;

import dev.queuelab.api.Durations;
import dev.queuelab.api.OutOfRangeException;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How a work queue behaves. Build one with {@link #standardQueue()} or {@link #fifoQueue()} and the {@code with}
 * methods; every value is checked against the range SQS accepts.
 *
 * @param fifo              message groups in send order, one in flight per group, deduplication window
 * @param visibilityTimeout default time a received message stays hidden: 0 s to 12 h
 * @param redrive           dead-letter policy, or empty for none (messages are retried forever)
 * @param dedupWindow       how long a FIFO deduplication id is remembered: 1 s to 12 h (SQS: 5 minutes)
 */
public record WorkQueueConfig(
        boolean fifo, Duration visibilityTimeout, Optional<RedrivePolicy> redrive, Duration dedupWindow) {

    public static final Duration MAX_VISIBILITY = Duration.ofHours(12);
    public static final Duration DEFAULT_VISIBILITY = Duration.ofSeconds(30);
    public static final Duration DEFAULT_DEDUP_WINDOW = Duration.ofMinutes(5);
    public static final int MAX_BATCH = 10;

    public WorkQueueConfig {
        requireVisibility("visibilityTimeout", visibilityTimeout);
        Objects.requireNonNull(redrive, "redrive (use Optional.empty() for no dead-letter queue)");
        Objects.requireNonNull(dedupWindow, "dedupWindow");
        if (dedupWindow.compareTo(Duration.ofSeconds(1)) < 0 || dedupWindow.compareTo(MAX_VISIBILITY) > 0) {
            throw new OutOfRangeException("dedupWindow", dedupWindow, "1s to 12h (SQS uses 5 minutes)");
        }
    }

    public static WorkQueueConfig standardQueue() {
        return new WorkQueueConfig(false, DEFAULT_VISIBILITY, Optional.empty(), DEFAULT_DEDUP_WINDOW);
    }

    public static WorkQueueConfig fifoQueue() {
        return standardQueue().withFifo(true);
    }

    public WorkQueueConfig withFifo(boolean isFifo) {
        return new WorkQueueConfig(isFifo, visibilityTimeout, redrive, dedupWindow);
    }

    public WorkQueueConfig withVisibilityTimeout(Duration timeout) {
        return new WorkQueueConfig(fifo, timeout, redrive, dedupWindow);
    }

    public WorkQueueConfig withMaxReceives(int maxReceives) {
        return new WorkQueueConfig(fifo, visibilityTimeout, Optional.of(new RedrivePolicy(maxReceives)), dedupWindow);
    }

    public WorkQueueConfig withoutRedrive() {
        return new WorkQueueConfig(fifo, visibilityTimeout, Optional.empty(), dedupWindow);
    }

    public WorkQueueConfig withDedupWindow(Duration window) {
        return new WorkQueueConfig(fifo, visibilityTimeout, redrive, window);
    }

    /** Receives before dead-lettering, or {@link Integer#MAX_VALUE} without a redrive policy. */
    public int maxReceives() {
        return redrive.map(RedrivePolicy::maxReceives).orElse(Integer.MAX_VALUE);
    }

    /** Checks a visibility timeout as SQS does: 0 s to 12 h. */
    public static Duration requireVisibility(String parameter, Duration visibility) {
        Objects.requireNonNull(visibility, parameter);
        if (visibility.isNegative() || visibility.compareTo(MAX_VISIBILITY) > 0) {
            throw new OutOfRangeException(parameter, visibility, "0s to 12h (SQS's visibility timeout range)");
        }
        return visibility;
    }

    /** Checks a receive's batch size as SQS does: 1 to 10. */
    public static int requireBatch(int max) {
        if (max < 1 || max > MAX_BATCH) {
            throw new OutOfRangeException(
                    "max", max, "1 to " + MAX_BATCH + " messages per receive (SQS's batch limit)");
        }
        return max;
    }

    @Override
    public String toString() {
        return (fifo ? "FIFO" : "standard") + ", visibility " + Durations.brief(visibilityTimeout)
                + redrive.map(r -> ", maxReceives " + r.maxReceives() + " then dead-letter queue")
                        .orElse(", no dead-letter queue")
                + (fifo ? ", dedup window " + Durations.brief(dedupWindow) : "");
    }
}
