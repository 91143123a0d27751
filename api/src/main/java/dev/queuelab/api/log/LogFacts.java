package dev.queuelab.api.log;

import java.time.Duration;

/**
 * Kafka's numbers and fixed values that the log's contract uses, each with its source and the day it was read
 * (the decision guide's registry, decision-guide/src/main/resources/facts.yaml, holds the same facts as
 * {@code kafka.transaction-timeout}, {@code kafka.membership-less-commit} and {@code kafka.first-sequence}).
 */
public final class LogFacts {

    private LogFacts() {}

    /**
     * {@code transaction.timeout.ms}, the producer's setting: 60,000 ms by default. The coordinator aborts a
     * transaction still open this long after its first partition or offsets were added (strictly longer), and
     * fences the producer's epoch. Source: https://kafka.apache.org/documentation/#producerconfigs_transaction.timeout.ms
     * and TransactionStateManager.timedOutTransactions (apache/kafka, core), read 2026-12-05.
     */
    public static final Duration TRANSACTION_TIMEOUT_DEFAULT = Duration.ofSeconds(60);

    /**
     * {@code transaction.max.timeout.ms}, the broker's cap: 900,000 ms (15 min) by default; a producer asking
     * for more is refused (INVALID_TRANSACTION_TIMEOUT). Source:
     * https://kafka.apache.org/documentation/#brokerconfigs_transaction.max.timeout.ms, read 2026-12-05.
     */
    public static final Duration TRANSACTION_MAX_TIMEOUT = Duration.ofMinutes(15);

    /**
     * The generation an offset commit names when it comes from no member: -1, as {@code assign()} users and admin
     * tools send it with member id "". Kafka stores it only while the group has no members (ClassicGroup and
     * OffsetMetadataManager.validateOffsetCommit, apache/kafka, group-coordinator, read 2026-12-05).
     */
    public static final int NO_GENERATION = -1;
}
