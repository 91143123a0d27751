package dev.queuelab.check.gallery.log;

import dev.queuelab.api.log.CommitOutcome;
import dev.queuelab.api.log.LogConfig;
import dev.queuelab.reference.log.GroupCoordinator;
import dev.queuelab.reference.log.LogRules;

/**
 * Bug gallery (log): A group coordinator that compares a commit's generation before asking whether its member
 * still belongs to the group: a consumer whose session expired, or that left, is told ILLEGAL_GENERATION
 * ("rejoin and carry on in the new generation") where Kafka answers UNKNOWN_MEMBER_ID ("you are gone: join as
 * a new member"). A part handed to the reference log in place of its own.
 *
 * <p>Caught as {@code invalid-answer}.
 */
public final class GenerationBeforeMembershipGroups extends GroupCoordinator {

    public GenerationBeforeMembershipGroups(LogConfig config, LogRules rules) {
        super(config, rules);
    }

    @Override
    public CommitOutcome commit(String group, String memberId, int generation, int partition, long offset) {
        if (generation != describe(group).generation()) {
            return CommitOutcome.ILLEGAL_GENERATION;
        }
        return super.commit(group, memberId, generation, partition, offset);
    }
}
