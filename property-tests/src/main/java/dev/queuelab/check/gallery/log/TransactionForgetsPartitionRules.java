package dev.queuelab.check.gallery.log;

import dev.queuelab.reference.log.LogRules;
import java.util.Set;

/**
 * Bug gallery (log): Enters only the first partition a transaction writes to in the transaction (a producer
 * that sends AddPartitionsToTxn once per transaction, not once per new partition): its end marks that one, and
 * every other partition it wrote to is left with a transaction that never ends, holding read_committed
 * readers there for ever.
 *
 * <p>Caught as {@code transaction-left-open}.
 */
public final class TransactionForgetsPartitionRules extends LogRules {

    @Override
    protected boolean joinsTransaction(Set<Integer> partitionsSoFar, int partition) {
        return partitionsSoFar.isEmpty();
    }
}
