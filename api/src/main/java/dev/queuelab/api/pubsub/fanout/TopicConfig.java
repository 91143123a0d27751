package dev.queuelab.api.pubsub.fanout;

import dev.queuelab.api.OutOfRangeException;
import java.time.Duration;
import java.util.Objects;

/**
 * A topic: standard, or FIFO with its deduplication.
 *
 * <p>SNS FIFO topics deduplicate for 5 minutes, by MessageDeduplicationId or, with content-based deduplication,
 * by the SHA-256 of the body (SNS Developer Guide, "Message deduplication for FIFO topics",
 * https://docs.aws.amazon.com/sns/latest/dg/fifo-message-dedup.html, read 2026-12-05).
 *
 * @param name                 the topic's name
 * @param fifo                 groups in order, deduplication across the fanout, FIFO queues only
 * @param contentBasedDedup    a publication without a dedup id is deduplicated by its body
 * @param dedupWindow          1 s or more (SNS: 5 minutes)
 */
public record TopicConfig(String name, boolean fifo, boolean contentBasedDedup, Duration dedupWindow) {

    public static final Duration SNS_DEDUP_WINDOW = Duration.ofMinutes(5);

    public TopicConfig {
        Objects.requireNonNull(name, "name");
        if (dedupWindow.compareTo(Duration.ofSeconds(1)) < 0) {
            throw new OutOfRangeException("dedupWindow", dedupWindow, "1s or more (SNS uses 5 minutes)");
        }
    }

    public static TopicConfig standard(String name) {
        return new TopicConfig(name, false, false, SNS_DEDUP_WINDOW);
    }

    public static TopicConfig fifo(String name, boolean contentBasedDedup) {
        return new TopicConfig(name, true, contentBasedDedup, SNS_DEDUP_WINDOW);
    }

    @Override
    public String toString() {
        return fifo ? "FIFO topic " + name + (contentBasedDedup ? ", content-based dedup" : "") : "topic " + name;
    }
}
