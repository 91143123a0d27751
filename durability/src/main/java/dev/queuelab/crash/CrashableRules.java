package dev.queuelab.crash;

import dev.queuelab.reference.log.DiskRules;

/**
 * The reference's disk rules with a crash that can be armed: the next record write throws instead of writing,
 * as if the process died between the two writes of an append. The disk gallery's variants extend it.
 */
class CrashableRules extends DiskRules {

    /** Thrown where the process would have died. */
    static final class SimulatedCrash extends RuntimeException {
        SimulatedCrash() {
            super("the process died here (simulated)", null, false, false);
        }
    }

    volatile boolean crashAtNextRecord;
    volatile int indexInterval = super.indexIntervalBytes();

    @Override
    protected final void appendInOrder(Runnable writeRecord, Runnable writeIndexEntry) {
        order(
                () -> {
                    if (crashAtNextRecord) {
                        throw new SimulatedCrash();
                    }
                    writeRecord.run();
                },
                writeIndexEntry);
    }

    /** The order of an append's two writes: the reference's unless a variant says otherwise. */
    protected void order(Runnable writeRecord, Runnable writeIndexEntry) {
        super.appendInOrder(writeRecord, writeIndexEntry);
    }

    @Override
    protected int indexIntervalBytes() {
        return indexInterval;
    }
}
