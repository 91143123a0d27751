package dev.queuelab.check.gallery.log;

import dev.queuelab.reference.log.LogRules;
import java.time.Duration;
import java.time.Instant;

/**
 * Bug gallery (log): The coordinator has no transaction timeout: a producer that dies inside a transaction
 * leaves it open for ever, its last stable offset stuck, and a producer that comes back hours later still
 * commits it.
 *
 * <p>Caught as {@code transaction-outlived-timeout}.
 */
public final class TransactionNeverTimesOutRules extends LogRules {

    @Override
    protected boolean transactionTimedOut(Instant firstWrite, Instant now, Duration timeout) {
        return false;
    }
}
