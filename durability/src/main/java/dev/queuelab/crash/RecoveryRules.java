package dev.queuelab.crash;

import dev.queuelab.api.log.SegmentRecovery;
import dev.queuelab.reference.log.DiskRules;

/** The reference's disk rules with another segment recovery in place of its own: a learner's, say. */
final class RecoveryRules extends DiskRules {

    private final SegmentRecovery recovery;

    RecoveryRules(SegmentRecovery recovery) {
        this.recovery = recovery;
    }

    @Override
    protected SegmentRecovery recovery() {
        return recovery;
    }
}
